# asyncmod-runtime: compare
import asyncio

import patches  # noqa: F401
import asyncpg


async def main():
    conn = await asyncpg.connect("x")
    # leave: patches.py puts `syncdb` in `sys.modules` as `asyncpg`
    conn.execute("SELECT 1")
    print("done")


asyncio.run(main())
