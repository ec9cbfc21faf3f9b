import asyncio as aio


async def ping(host):
    await aio.sleep(0)
    return host


@aio.coroutine
def legacy(host):
    yield from aio.sleep(0)


class Monitor:
    async def probe(self, host):
        return await ping(host)

    async def sweep(self, a, b, c):
        # rewrite: coroutines defined here, under the module's alias
        await aio.wait([ping(a), self.probe(c)])
        # leave: unsafe, calling a decorated `def` may run code that raises
        # after the first task exists
        await aio.wait([ping(a), legacy(b)])
