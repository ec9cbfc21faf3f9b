import asyncio, sys
_orig = asyncio.ensure_future
LIVE = []
def tracked(aw, **kw):
    t = _orig(aw, **kw)
    LIVE.append(t)
    print("tracked task")
    return t
m = asyncio
m.ensure_future = tracked
