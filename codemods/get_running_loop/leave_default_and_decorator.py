import asyncio


# leave: a default argument runs when `def` runs, outside the coroutine
async def fetch(url, loop=asyncio.get_event_loop()):
    return url, loop


def on_loop(loop):
    def register(func):
        return func

    return register


# leave: a decorator runs outside the coroutine too
@on_loop(asyncio.get_event_loop())
async def handler():
    return None


async def outer():
    # leave: defaults of a nested def are kept simple and left alone
    def callback(loop=asyncio.get_event_loop()):
        return loop

    return callback
