import asyncio


@asyncio.coroutine
def outer(items):  # rewrite: only its own `yield from` becomes `await`
    def numbers():
        yield from items  # leave: a nested plain generator
    total = 0
    for n in numbers():
        total += n
        yield from asyncio.sleep(0)
    pick = lambda: (yield from numbers())  # leave: the lambda's own generator
    return total, pick
