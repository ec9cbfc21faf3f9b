# asyncmod-runtime: compare
import asyncio
import warnings

from app.state import BOX, DONE

warnings.simplefilter("ignore")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(DONE.set_result, "done")
    loop.call_soon(BOX.fut.set_result, "box")
    print(await DONE, await BOX.fut)


# leave (unsafe only): importing app.state calls functions and classes of
# other project modules that make futures of the current loop
loop = asyncio.get_event_loop()
loop.run_until_complete(main())
loop.close()
