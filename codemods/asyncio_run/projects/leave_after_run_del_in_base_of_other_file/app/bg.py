import asyncio
from app.base import Base
async def aclose():
    print("client closed")
class Client(Base):
    def cleanup(self):
        try:
            asyncio.get_event_loop().run_until_complete(aclose())
        except RuntimeError as e:
            print("client not closed:", e)
KEEP = []
async def start():
    KEEP.append(Client())
    print("started")
