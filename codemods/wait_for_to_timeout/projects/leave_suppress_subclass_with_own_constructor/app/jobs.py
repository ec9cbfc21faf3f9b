import asyncio
from contextlib import suppress
class ignoring(suppress):
    def __init__(self, *names):
        super().__init__(BaseException)
async def job():
    with ignoring(ValueError):
        await asyncio.sleep(0.5)
    return "partial"
