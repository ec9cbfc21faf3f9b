import asyncio
def quiet(cls):
    async def __aexit__(self, *exc):
        return True
    cls.__aexit__ = __aexit__
    return cls
@quiet
class Guard:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *exc):
        return False
async def job():
    async with Guard():
        await asyncio.sleep(0.5)
    return "partial"
