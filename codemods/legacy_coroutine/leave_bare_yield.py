import asyncio


@asyncio.coroutine
def ticker():  # leave, reported: a bare `yield` makes it a generator as well
    while True:
        yield
        yield from asyncio.sleep(1)


@asyncio.coroutine
def produce(source):  # leave, reported: it yields values
    for item in source:
        value = yield item
        yield from asyncio.sleep(value)
