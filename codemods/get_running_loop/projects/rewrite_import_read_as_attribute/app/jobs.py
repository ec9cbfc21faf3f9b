import asyncio
from asyncio import get_event_loop


async def job():
    # rewrite: the import stays, another module reads it from this one
    loop = get_event_loop()
    return loop is asyncio.get_running_loop()
