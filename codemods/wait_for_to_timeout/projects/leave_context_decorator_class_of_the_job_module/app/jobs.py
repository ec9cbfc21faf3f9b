import asyncio, contextlib
class Tx(contextlib.AsyncContextDecorator):
    async def __aenter__(self):
        return self
    async def __aexit__(self, *exc):
        print('keeping exit')
        return True
@Tx()
async def job():
    await asyncio.sleep(0.5)
    return 'partial'
