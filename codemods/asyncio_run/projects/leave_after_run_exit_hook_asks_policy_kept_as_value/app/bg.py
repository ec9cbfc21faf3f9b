import asyncio
import atexit
POLICY = asyncio.get_event_loop_policy
def cleanup():
    try:
        loop = POLICY().get_event_loop()
        print("cleanup: got loop", type(loop).__name__)
    except RuntimeError as e:
        print("cleanup:", e)
async def start():
    atexit.register(cleanup)
    print("started")
