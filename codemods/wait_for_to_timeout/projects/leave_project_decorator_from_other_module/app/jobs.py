import asyncio
from app.deco import never_cancel


@never_cancel
async def job():
    await asyncio.sleep(10)
    return "done"
