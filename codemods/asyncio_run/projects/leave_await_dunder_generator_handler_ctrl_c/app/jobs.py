import asyncio
class Request:
    def __await__(self):
        try:
            yield from asyncio.sleep(0.5).__await__()
        except asyncio.CancelledError:
            print("request: stopped")
        return "partial"
async def job():
    return await Request()
