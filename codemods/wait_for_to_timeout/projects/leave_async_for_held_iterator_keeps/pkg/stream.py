import asyncio

class _It:
    async def __anext__(self):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("ticker swallowed")
            raise StopAsyncIteration
        return 1

class Ticker:
    def __aiter__(self):
        return _It()
