import asyncio
from asyncio import TimeoutError as ATimeout
async def guarded():
    try:
        raise ATimeout()
    except ATimeout as e:
        return 'handled ' + type(e).__name__
