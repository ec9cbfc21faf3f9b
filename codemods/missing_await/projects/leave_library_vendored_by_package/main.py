# asyncmod-runtime: compare
import asyncio

import app.vendoring  # noqa: F401
import asyncpg


async def main():
    conn = await asyncpg.connect("x")
    # leave: app/vendoring.py puts `app/_vendor` first on `sys.path`
    conn.execute("SELECT 1")
    print("done")


asyncio.run(main())
