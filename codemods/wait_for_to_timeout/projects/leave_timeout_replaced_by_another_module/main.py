# asyncmod-runtime: compare
import asyncio
import app.compat
async def job():
    await asyncio.sleep(0.2)
    return 42
async def main():
    try:
        r = await asyncio.wait_for(job(), 0.05)
        print("result", r)
    except TimeoutError:
        print("timed out")
asyncio.run(main())
