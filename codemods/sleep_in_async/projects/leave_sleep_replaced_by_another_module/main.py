# asyncmod-runtime: compare
import asyncio, time
import app.fast
async def work():
    t0 = time.monotonic()
    time.sleep(0.2)
    print("slept long:", time.monotonic() - t0 >= 0.2)
asyncio.run(work())
