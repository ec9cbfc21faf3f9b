import asyncio


# Another module drives it as a generator: a native coroutine would raise
# `TypeError` there, so the fix is unsafe.
@asyncio.coroutine
def fetch():
    yield from asyncio.sleep(0)
    return "data"
