# asyncmod-runtime: compare
import asyncio

from app import work


def helper():
    return 1


# This module's own globals, reached through its own function: no other
# module's namespace.
helper.__globals__["LIMIT"] = 3


async def main():
    print("backoff ->", await work.backoff(2), LIMIT)


asyncio.run(main())
