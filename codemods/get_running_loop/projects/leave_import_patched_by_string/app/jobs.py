import asyncio
from asyncio import get_event_loop


async def job():
    # leave: a test patches `app.jobs.get_event_loop`, which this call reads
    loop = get_event_loop()
    return loop is asyncio.get_running_loop()
