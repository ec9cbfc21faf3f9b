# asyncmod-runtime: compare
import asyncio
import inspect

_wait = asyncio.wait


async def compat_wait(fs, **kw):
    names = [f.__qualname__ for f in fs if inspect.iscoroutine(f)]
    print("compat wait wrapping coroutines:", names)
    return await _wait([asyncio.ensure_future(f) for f in fs], **kw)


asyncio.wait = compat_wait


async def job(n):
    await asyncio.sleep(0)
    return n


async def main():
    done, pending = await asyncio.wait([job(1), job(2)])
    print(sorted(t.result() for t in done), len(pending))

asyncio.run(main())
