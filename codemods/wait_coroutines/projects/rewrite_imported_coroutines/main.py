# Not runtime-compared: on Python 3.11 the original raises TypeError.
import asyncio

from jobs import work
from jobs.work import crunch


async def main():
    # rewrite: both are async defs of the project
    done, pending = await asyncio.wait([crunch(1), work.crunch(2)])
    print(sorted(t.result() for t in done), len(pending))


asyncio.run(main())
