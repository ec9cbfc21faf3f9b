import asyncio
class Guard:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *exc):
        return False
async def _swallow(self, *exc):
    return True
setattr(Guard, "__aexit__", _swallow)
async def job():
    async with Guard():
        await asyncio.sleep(0.5)
    return "partial"
