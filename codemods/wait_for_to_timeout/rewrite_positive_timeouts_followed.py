# asyncmod-runtime: compare
"""Timeouts followed to where they are set, and found positive: what every
caller in the module passes, counts that start above zero, the element of
a tuple that is not zero, a name bound on every path."""
import asyncio


async def take(q, timeout):
    try:
        return await asyncio.wait_for(q.get(), timeout)  # rewrite
    except TimeoutError:
        return None


async def escalate(q):
    for t in range(1, 3):
        item = await asyncio.wait_for(q.get(), t)  # rewrite
        print("got", item, "at timeout", t)


async def numbered(q, names):
    for i, name in enumerate(names, start=1):
        item = await asyncio.wait_for(q.get(), i)  # rewrite
        print(name, item)


async def unpacked(q):
    first, later = 0, 1
    item = await asyncio.wait_for(q.get(), later)  # rewrite
    return first, item


async def configured(q, cfg):
    t = max(1, cfg.get("timeout", 1))
    if "timeout" in cfg:
        t = cfg["timeout"]
    return await asyncio.wait_for(q.get(), t)  # rewrite


async def main():
    q = asyncio.Queue()
    for item in "abcdefghij":
        q.put_nowait(item)
    print(await take(q, 1), await take(q, timeout=2))
    await escalate(q)
    await numbered(q, ["x", "y"])
    print(await unpacked(q))
    print(await configured(q, {}), await configured(q, {"timeout": 3}))
    print(await take(asyncio.Queue(), 0.01))


asyncio.run(main())
