# asyncmod-runtime: compare
import asyncio
import warnings

from app import state

warnings.simplefilter("ignore")


async def main():
    done = state.DONE
    asyncio.get_running_loop().call_soon(done.set_result, "done")
    print(await done)


# leave (unsafe only): importing app.state calls `_make`, which makes a
# future of the current loop; `asyncio.run` would run `main` in another
loop = asyncio.get_event_loop()
loop.run_until_complete(main())
loop.close()
