import asyncio
class Conn:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *exc):
        print('conn: exit')
async def job():
    async with Conn():
        await asyncio.sleep(0.5)
    return 'partial'
