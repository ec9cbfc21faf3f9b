import asyncio
async def aclose():
    print("client closed")
class Client:
    def close(self):
        try:
            asyncio.get_event_loop().run_until_complete(aclose())
        except RuntimeError as e:
            print("client not closed:", e)
    __del__ = close
KEEP = []
async def start():
    KEEP.append(Client())
    print("started")
