import asyncio
class Client:
    async def aclose(self):
        print("client closed")
    def __del__(self):
        try:
            asyncio.get_event_loop().run_until_complete(self.aclose())
        except RuntimeError as e:
            print("client not closed:", e)
