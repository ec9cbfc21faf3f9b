# asyncmod-runtime: compare
import asyncio
import pool

async def job():
    return 1

async def main():
    t = asyncio.ensure_future(job())
    print(await t, pool.forget("a"))

asyncio.run(main())
