import asyncio
async def _gen():
    try:
        await asyncio.sleep(0.5)
        yield 1
    except asyncio.CancelledError:
        print("gen: cancelled")
        raise
def job():
    return _gen().__anext__()
