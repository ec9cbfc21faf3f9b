import asyncio
_orig = asyncio.timeout
def traced_timeout(delay):
    print("traced timeout", delay)
    return _orig(delay + 100 if delay is not None else None)
asyncio.timeout = traced_timeout
