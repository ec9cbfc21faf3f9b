import asyncio

import lib


def relay():
    # a plain generator driving lib.fetch
    r = yield from lib.fetch()
    return "relayed " + r


@asyncio.coroutine
def run_relay():
    return (yield from relay())


async def main():
    print(await run_relay())


asyncio.run(main())
