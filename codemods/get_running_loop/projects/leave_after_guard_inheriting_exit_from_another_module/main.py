# asyncmod-runtime: compare
import asyncio
import warnings
from app.guard import Guard
warnings.simplefilter("ignore")
async def worker():
    async with Guard():
        await asyncio.sleep(10)
    loop = asyncio.get_event_loop()
    print("after guard: got a loop", loop is not None)
loop = asyncio.new_event_loop()
coro = worker()
task = loop.create_task(coro)
loop.run_until_complete(asyncio.sleep(0.01))
try:
    coro.close()
    print("closed cleanly")
except RuntimeError as e:
    print("close raised:", e)
