from app.util import run_sync
async def aclose():
    print("client closed")
class Client:
    def __del__(self):
        run_sync(aclose())
KEEP = []
async def start():
    KEEP.append(Client())
    print("started")
