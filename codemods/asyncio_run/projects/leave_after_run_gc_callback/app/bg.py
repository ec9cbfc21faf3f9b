import asyncio
import gc
async def aclose():
    print("gc callback ran on loop")
DONE = []
def cb(phase, info):
    if phase == "stop" and not DONE:
        DONE.append(1)
        try:
            asyncio.get_event_loop().run_until_complete(aclose())
        except RuntimeError as e:
            print("gc callback:", e)
async def start():
    gc.callbacks.append(cb)
    print("started")
