# asyncmod-runtime: compare
import asyncio
import time as clock

from jobs.alone import rest
from jobs.napper import (
    nap,
    sleep,
)
from jobs.poller import poll, time
from jobs.report import started
from jobs.ticker import tick


async def main():
    print(await poll(), await tick(), await nap(), await rest())
    print(started(), time.monotonic() > 0, clock.monotonic() > 0)
    sleep(0)


asyncio.run(main())
