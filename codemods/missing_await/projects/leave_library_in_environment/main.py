# Not run: `python3` alone does not see the project's `.venv`.
import asyncio

import asyncpg


async def main():
    conn = await asyncpg.connect("x")
    # leave: the `asyncpg` of `.venv` is a sync fork; the table does not
    # answer for a package the environment has
    conn.execute("SELECT 1")
    print("done")


asyncio.run(main())
