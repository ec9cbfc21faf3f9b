# asyncmod-runtime: compare
import asyncio
import types


def _legacy(func):
    # `@asyncio.coroutine` as Python 3.10 had it, for this Python
    coroutine = types.coroutine(func)
    coroutine._is_coroutine = asyncio.coroutines._is_coroutine
    return coroutine


asyncio.coroutine = _legacy


async def native(n):
    await asyncio.sleep(0)
    return n


def make(n):
    return native(n)


@asyncio.coroutine
def fetch(n):  # rewrite: every operand is awaitable, every use a coroutine's
    yield from asyncio.sleep(0)
    a = yield from native(n)
    b = yield from make(n)
    rest = yield from countdown(n - 1)
    return a + b + rest


@asyncio.coroutine
def countdown(n):  # rewrite: it awaits itself
    if n <= 0:
        return 0
    yield from asyncio.sleep(0)
    rest = yield from countdown(n - 1)
    return n + rest


class Job:
    @asyncio.coroutine
    def step(self):  # rewrite: only ever awaited
        value = yield from fetch(1)
        return value

    async def run(self):
        return await self.step()


async def main():
    print(await fetch(2))
    print(await asyncio.gather(fetch(1), countdown(3)))
    print(await Job().run())


loop = asyncio.new_event_loop()
print(loop.run_until_complete(countdown(2)))
loop.close()
asyncio.run(main())
