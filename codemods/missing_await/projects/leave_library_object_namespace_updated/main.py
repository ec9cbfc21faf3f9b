# Not run: `asyncpg` is not installed where the tests run.
import asyncio

import asyncpg
from instr import instrument


async def main():
    conn = await asyncpg.connect("x")
    instrument(conn)
    # leave: instr.py puts a plain `execute` in the object's namespace
    conn.execute("SELECT 1")
    print("done")


asyncio.run(main())
