# asyncmod-runtime: compare
import asyncio
import app.compat
async def job():
    await asyncio.sleep(0)
    return 42
async def main():
    r = await asyncio.wait_for(job(), 1)
    print("result", r)
asyncio.run(main())
