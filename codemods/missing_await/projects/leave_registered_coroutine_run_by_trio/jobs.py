import asyncio
from registry import register

@register
async def job():
    asyncio.sleep(0)
    print("job ran")
