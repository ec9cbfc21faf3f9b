import asyncio

_pools = {}

def remember(loop):
    _pools[loop] = "pool"

def forget():
    get = asyncio.get_event_loop
    del _pools[get()], asyncio.get_event_loop
    asyncio.get_event_loop = get
    return len(_pools)
