import asyncio


async def key():
    await asyncio.sleep(0.08)
    return "k"


async def quick():
    await asyncio.sleep(0.05)
    return 1


async def awaits_in_targets(counts, store):
    # leave, reported: `await key()` runs before the deadline today; inside
    # `async with asyncio.timeout(0.1)` its 80 ms would count against it
    counts[await key()] += await asyncio.wait_for(quick(), 0.1)
    # leave, reported: a plain assignment evaluates its target after the
    # value, which would now be inside the block
    store[await key()] = await asyncio.wait_for(quick(), 0.1)


async def yields_in_target(d):
    # leave, reported: the generator would suspend inside the deadline,
    # which would then cancel whatever task iterates it
    d[(yield "key?")] = await asyncio.wait_for(quick(), 0.1)
