import asyncio

class Ticker:
    def __aiter__(self):
        return self

    async def __anext__(self):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("ticker swallowed")
            raise StopAsyncIteration
        return 1
