import types

from app import coroutine

import asyncio


@types.coroutine
def switch():  # leave: `types.coroutine` still exists
    yield from asyncio.sleep(0)


@coroutine
def own():  # leave: not asyncio's decorator
    yield from asyncio.sleep(0)


def make(asyncio):
    @asyncio.coroutine
    def inner():  # leave: `asyncio` is the parameter
        yield from asyncio.sleep(0)

    return inner


wrapped = asyncio.coroutine(own)  # leave: a call, not a decorator
