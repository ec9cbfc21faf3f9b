# asyncmod-test: --unsafe-fixes
import asyncio


@asyncio.coroutine
def shapes(primary, fallback, use_primary):  # rewrite
    a = yield from asyncio.sleep(0, primary if use_primary else fallback)
    b = (yield from asyncio.sleep(0, "b")).upper()
    c = [(yield from asyncio.sleep(0, "c")), (yield from asyncio.sleep(0, "d"))]
    yield from asyncio.gather(asyncio.sleep(0), asyncio.sleep(0))
    return a, b, c


@asyncio.coroutine
def choose(primary, fallback):  # rewrite, unsafe: operands parenthesized for `await`
    return (yield from primary or fallback)
