# asyncmod-runtime: compare
import asyncio

from utils import log_errors


async def fetch():
    return 1


@log_errors
async def refresh():
    return asyncio.run(fetch())  # leave: the wrapper of utils.py catches the RuntimeError


async def main():
    print("result", await refresh())


asyncio.run(main())
