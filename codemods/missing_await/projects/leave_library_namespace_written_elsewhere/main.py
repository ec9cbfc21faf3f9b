# Not run: `asyncpg` is not installed where the tests run.
import asyncio

import asyncpg
import patches  # noqa: F401


async def main():
    conn = await asyncpg.connect("x")
    # leave: patches.py writes `connect` into the namespace of `asyncpg`
    conn.execute("SELECT 1")
    print("done")


asyncio.run(main())
