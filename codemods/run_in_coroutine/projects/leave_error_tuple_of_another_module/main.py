# asyncmod-runtime: compare
import asyncio

import errors
from errors import RETRYABLE


async def fetch():
    return 1


async def refresh():
    print("refresh")
    return asyncio.run(fetch())  # leave: RETRYABLE of errors.py holds RuntimeError


async def main():
    for _ in range(2):
        try:
            print("value", await refresh())
            break
        except RETRYABLE as e:
            print("retry after", type(e).__name__)
    try:
        await refresh()
    except errors.RETRYABLE as e:
        print("again", type(e).__name__)


asyncio.run(main())
