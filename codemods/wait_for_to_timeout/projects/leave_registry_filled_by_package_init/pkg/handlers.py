import asyncio
from pkg.reg import register

@register
async def h():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("h swallowed")
    return "h-done"
