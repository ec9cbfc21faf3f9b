# asyncmod-runtime: compare
import asyncio
from unittest import mock
from app import work

async def main():
    try:
        work.backoff.__globals__["sleep"] = lambda s: None
        r = await asyncio.wait_for(work.backoff(2), 0.5)
        print("backoff ->", r)
    except Exception as e:
        print("ERR", type(e).__name__, e)

asyncio.run(main())
