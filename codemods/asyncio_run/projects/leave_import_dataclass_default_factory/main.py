# asyncmod-runtime: compare
import asyncio
import warnings

from app import state

warnings.simplefilter("ignore")


async def main():
    fut = state.get()
    asyncio.get_running_loop().call_soon(fut.set_result, "done")
    print(await fut)


# leave (unsafe only): importing app.state makes a `Signals()`, whose
# dataclass field calls `asyncio.Future` for its default
loop = asyncio.get_event_loop()
loop.run_until_complete(main())
loop.close()
