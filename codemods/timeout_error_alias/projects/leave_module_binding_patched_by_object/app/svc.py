import asyncio
async def guarded():
    try:
        raise asyncio.TimeoutError()
    except asyncio.TimeoutError as e:
        return "handled " + type(e).__name__
