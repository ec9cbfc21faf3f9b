import asyncio
from asyncio import get_event_loop


def hook():
    # The module reads its own name as an attribute of itself.
    from app import jobs as me

    return me.get_event_loop


async def job():
    # rewrite: the import stays, the module imports itself and reads it
    loop = get_event_loop()
    return loop is asyncio.get_running_loop()
