# asyncmod-runtime: compare
import asyncio

from jobs import work
from jobs.work import crunch, schedule


async def main():
    first = asyncio.ensure_future(crunch(1))  # rewrite: an async def of the project
    second = asyncio.ensure_future(work.crunch(2))  # rewrite: through the module
    third = asyncio.ensure_future(schedule(3))  # leave: a future, maybe
    print(await first, await second, await third)


asyncio.run(main())
