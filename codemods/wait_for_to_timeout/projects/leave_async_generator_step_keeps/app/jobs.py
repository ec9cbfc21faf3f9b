import asyncio
async def _gen():
    try:
        await asyncio.sleep(0.5)
        yield 1
    except asyncio.CancelledError:
        yield "kept"
def job():
    return _gen().__anext__()
