from asyncio import coroutine


def coroutine(func):  # rebinds the name: the decorator below is this one
    return func


@coroutine
def step(source):  # leave: not asyncio's decorator any more
    yield from source
