import asyncio
import threading
async def aclose():
    print("closed at exit")
def _bye():
    try:
        asyncio.get_event_loop().run_until_complete(aclose())
    except RuntimeError as e:
        print("not closed:", e)
async def start():
    threading._register_atexit(_bye)
    print("started")
