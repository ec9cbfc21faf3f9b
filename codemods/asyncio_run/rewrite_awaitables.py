# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
# Module-level functions: another module may import them and call them
# many times, so every fix here is unsafe.
import asyncio


class Client:
    def __init__(self, name):
        self.name = name

    async def run(self):
        await asyncio.sleep(0)
        return self.name


async def slow():
    await asyncio.sleep(0)
    return "in time"


def by_method():
    loop = asyncio.new_event_loop()
    # rewrite: a method of an instance is not followed (unsafe either way)
    name = loop.run_until_complete(Client("c1").run())
    loop.close()
    return name


def by_wait_for():
    loop = asyncio.new_event_loop()
    value = loop.run_until_complete(asyncio.wait_for(slow(), 5))  # rewrite: a coroutine
    loop.close()
    return value


def by_sleep():
    loop = asyncio.new_event_loop()
    value = loop.run_until_complete(asyncio.sleep(0, result="slept"))  # rewrite: also
    loop.close()
    return value


print(by_method(), by_wait_for(), by_sleep())
