"""Python 3.11 refuses bare coroutines in asyncio.wait; keep legacy calls working."""
import asyncio
import inspect

_wait = asyncio.wait


async def wait(fs, **kw):
    names = [f.__qualname__ for f in fs if inspect.iscoroutine(f)]
    print("compat.wait wrapping coroutines:", names)
    return await _wait([asyncio.ensure_future(f) for f in fs], **kw)


asyncio.wait = wait
