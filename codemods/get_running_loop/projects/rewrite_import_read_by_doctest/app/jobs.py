import asyncio
from asyncio import get_event_loop


async def job():
    # rewrite: the import stays, a doctest of the module reads it
    loop = get_event_loop()
    return loop is asyncio.get_running_loop()


def documented():
    """
    >>> get_event_loop is not None
    True
    """
