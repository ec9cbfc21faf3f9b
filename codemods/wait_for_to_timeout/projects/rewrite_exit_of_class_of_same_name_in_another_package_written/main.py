# asyncmod-runtime: compare
import asyncio
import app.patch
from app.jobs import job
async def runner():
    r = await asyncio.wait_for(job(), 5)
    print("runner after wait:", r)
async def main():
    t = asyncio.create_task(runner())
    await asyncio.sleep(0.05)
    t.cancel()
    try:
        await t
        print("caller: task finished normally")
    except asyncio.CancelledError:
        print("caller: saw cancellation")
    except Exception as e:
        print("caller: got", type(e).__name__, e)
asyncio.run(main())
