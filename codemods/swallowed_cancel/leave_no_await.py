# asyncmod-test: --unsafe-fixes
import asyncio


async def no_await(data):
    try:
        value = parse(data)  # leave: nothing here can be cancelled
    except:
        value = None
    try:
        later = lambda: asyncio.sleep(1)
        gen = (await_me for await_me in data)
    except:  # leave: no await of the coroutine itself
        pass
    await asyncio.sleep(0)
    return value, later, gen


def parse(data):
    return data
