import asyncio

_pools = {}

def remember(loop):
    _pools[loop] = "pool"

def forget():
    del _pools[asyncio.get_event_loop()]
    return len(_pools)
