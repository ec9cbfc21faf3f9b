# asyncmod-test: --unsafe-fixes
import asyncio


class Shared:
    x = None


shared = Shared()


async def first():
    await asyncio.sleep(0.01)
    return 5


async def waits_for_shared():
    for _ in range(100):
        if shared.x is not None:
            return shared.x + 1
        await asyncio.sleep(0.01)
    return "gave up"


async def attribute_target():
    t1 = asyncio.create_task(first())
    t2 = asyncio.create_task(waits_for_shared())
    shared.x = await t1  # leave, reported: the second task reads it while it runs
    r2 = await t2
    print(shared.x, r2)


async def closure_target():
    r1 = None

    async def waits_for_r1():
        for _ in range(100):
            if r1 is not None:
                return r1 + 1
            await asyncio.sleep(0.01)
        return "gave up"

    t1 = asyncio.create_task(first())
    t2 = asyncio.create_task(waits_for_r1())
    r1 = await t1  # leave, reported: a nested function reads `r1`
    r2 = await t2
    print(r1, r2)


asyncio.run(attribute_target())
asyncio.run(closure_target())
