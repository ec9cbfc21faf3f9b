# asyncmod-runtime: compare
import asyncio

from utils import log_errors


async def fetch():
    return 1


async def refresh():
    print("refresh")
    return asyncio.run(fetch())  # leave: `log_errors` of utils.py catches the RuntimeError


async def main():
    with log_errors("refresh"):
        print("value", await refresh())
    print("continued")


asyncio.run(main())
