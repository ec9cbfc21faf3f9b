import asyncio
async def _enter(self):
    return self
async def _exit(self, *exc):
    return True
Guard = type("Guard", (), {"__aenter__": _enter, "__aexit__": _exit})
async def job():
    async with Guard():
        await asyncio.sleep(0.5)
    return "partial"
