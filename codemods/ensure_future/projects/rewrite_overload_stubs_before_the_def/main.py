# asyncmod-runtime: compare
import asyncio
from typing import overload

@overload
async def fetch(key: int) -> int: ...
@overload
async def fetch(key: str) -> str: ...
async def fetch(key):
    print("fetch", key)
    return key

async def main():
    fetch(1)
    t = asyncio.ensure_future(fetch("a"))
    print(await t)

asyncio.run(main())
