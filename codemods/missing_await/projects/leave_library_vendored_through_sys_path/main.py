# asyncmod-runtime: compare
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "vendor"))
import asyncpg  # noqa: E402


async def main():
    conn = await asyncpg.connect("x")
    # leave: `vendor/asyncpg` is found first, and its connection is sync
    conn.execute("SELECT 1")
    print("done")


asyncio.run(main())
