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

    async def sweep(self, hosts):
        # rewrite: coroutines defined here, under the module's alias
        await aio.wait([ping(hosts[0]), legacy(hosts[1]), self.probe(hosts[2])])
