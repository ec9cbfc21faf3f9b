# asyncmod-runtime: compare
import asyncio

import boot  # noqa: F401
import asyncpg


async def main():
    conn = await asyncpg.connect("x")
    # leave: boot.py puts `lib` first on `sys.path` through `import sys
    # as _sys`
    conn.execute("SELECT 1")
    print("done")


asyncio.run(main())
