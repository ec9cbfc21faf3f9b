import asyncio
class Guard:
    async def __aenter__(self):
        try:
            await asyncio.sleep(0.5)
        except ValueError:
            print("guard: kept in __aenter__")
        return self
    async def __aexit__(self, *a):
        return False
