import atexit
import sys
def cleanup():
    try:
        loop = sys.modules["asyncio"].get_event_loop()
        print("cleanup: got loop", type(loop).__name__)
    except RuntimeError as e:
        print("cleanup:", e)
async def start():
    atexit.register(cleanup)
    print("started")
