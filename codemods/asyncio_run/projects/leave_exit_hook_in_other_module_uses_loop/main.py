# asyncmod-runtime: compare
# leave: the loop is never closed, and an `atexit` callback registered in
# client.py runs on it; `asyncio.run` would close it first
import asyncio
import warnings

from client import connect

warnings.simplefilter("ignore", DeprecationWarning)


async def main():
    await connect()
    print("connected")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
