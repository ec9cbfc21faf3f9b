# asyncmod-runtime: compare
import asyncio
import warnings

from app import state

warnings.simplefilter("ignore")


async def main():
    fut = state.get()
    asyncio.get_running_loop().call_soon(fut.set_result, "done")
    print(await fut)


# leave (unsafe only): importing app.state makes a `Box()`, whose
# metaclass's `__call__` makes a future of the current loop
loop = asyncio.get_event_loop()
loop.run_until_complete(main())
loop.close()
