import asyncio, sys
_orig = asyncio.wait
async def compat_wait(aws, **kw):
    print("compat wait:", sorted(type(a).__name__ for a in aws))
    return await _orig([asyncio.ensure_future(a) for a in aws], **kw)
m = asyncio
m.wait = compat_wait
