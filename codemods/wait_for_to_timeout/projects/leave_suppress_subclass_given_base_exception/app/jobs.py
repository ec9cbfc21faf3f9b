import asyncio
import contextlib
class ignoring(contextlib.suppress):
    pass
async def job():
    with ignoring(BaseException):
        await asyncio.sleep(0.5)
    return "partial"
