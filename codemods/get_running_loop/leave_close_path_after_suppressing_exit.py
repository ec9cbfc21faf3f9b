import asyncio
import contextlib
from contextlib import suppress as quiet


class Quiet:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return True


async def worker():
    with Quiet():
        await asyncio.sleep(10)
    # leave: `Quiet` keeps the `GeneratorExit` of a close, so this runs
    # with no loop when the coroutine is closed outside it
    loop = asyncio.get_event_loop()
    print("after quiet block, loop:", loop is not None)


async def other():
    with contextlib.suppress(GeneratorExit):
        await asyncio.sleep(10)
    return asyncio.get_event_loop()  # leave: after `suppress(GeneratorExit)`


async def handler():
    try:
        await asyncio.sleep(10)
    except BaseException:
        print("closing")
    return asyncio.get_event_loop()  # leave: after a handler that goes on


async def looping():
    while True:
        print(asyncio.get_event_loop())  # leave: the next iteration runs after the block
        with Quiet():
            await asyncio.sleep(10)


async def stacked():
    with contextlib.ExitStack() as stack:
        stack.push(lambda *exc: True)
        await asyncio.sleep(10)
    return asyncio.get_event_loop()  # leave: the exit stack's callback keeps it


async def aliased():
    with quiet(GeneratorExit):
        await asyncio.sleep(10)
    return asyncio.get_event_loop()  # leave: `suppress` under another name


async def held():
    quiet_block = Quiet()
    with quiet_block:
        await asyncio.sleep(10)
    return asyncio.get_event_loop()  # leave: a variable holding a `Quiet`
