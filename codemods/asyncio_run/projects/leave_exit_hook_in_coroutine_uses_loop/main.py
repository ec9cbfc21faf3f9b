# asyncmod-runtime: compare
# leave: the loop is never closed, and the coroutine registers an `atexit`
# callback that runs on it; `asyncio.run` would close it first
import asyncio
import atexit
import warnings

warnings.simplefilter("ignore", DeprecationWarning)


async def close_client():
    await asyncio.sleep(0)
    print("client closed cleanly")


async def main():
    loop = asyncio.get_running_loop()
    atexit.register(lambda: loop.run_until_complete(close_client()))
    print("connected")


if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(main())
