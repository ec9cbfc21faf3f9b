import asyncio
class Guard:
    async def __aenter__(self):
        try:
            await asyncio.sleep(0.5)
        except asyncio.CancelledError:
            print("guard: kept in __aenter__")
        return self
    async def __aexit__(self, *a):
        return False
