import asyncio
from weakref import finalize as fin
async def aclose():
    print("closed at exit")
def _bye():
    try:
        asyncio.get_event_loop().run_until_complete(aclose())
    except RuntimeError as e:
        print("not closed:", e)
class Res:
    pass
KEEP = []
async def start():
    r = Res()
    KEEP.append(r)
    fin(r, _bye)
    print("started")
