# asyncmod-runtime: compare
import asyncio
from app.conf import RETRY_BUDGET as budget


async def work():
    print("work started")
    await asyncio.sleep(0.01)
    return "done"


async def main():
    try:
        r = await asyncio.wait_for(work(), budget)
        print("result", r)
    except TimeoutError:
        print("timed out")


asyncio.run(main())
