# Not run: `asyncpg` is not installed where the tests run.
import asyncio

import asyncpg
import patches  # noqa: F401


async def main():
    conn = await asyncpg.connect("x")
    # leave: patches.py sets `execute` on `asyncpg.Connection` through
    # `type.__setattr__`
    conn.execute("SELECT 1")
    print("done")


asyncio.run(main())
