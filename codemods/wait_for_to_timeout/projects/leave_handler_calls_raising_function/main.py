# asyncmod-runtime: compare
import asyncio

def log_cancel():
    raise RuntimeError("logger broken")

async def callee():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        log_cancel()
        raise
    return 1

async def caller():
    try:
        r = await asyncio.wait_for(callee(), 5)
    except Exception as e:
        print("caller caught", type(e).__name__, e)
        r = None
    print("caller went on", r)

async def main():
    t = asyncio.create_task(caller())
    await asyncio.sleep(0.05)
    t.cancel()
    try:
        print("caller returned", await t)
    except BaseException as e:
        print("caller raised", type(e).__name__)

asyncio.run(main())
