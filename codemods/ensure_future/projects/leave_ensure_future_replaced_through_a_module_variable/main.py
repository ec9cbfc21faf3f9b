# asyncmod-runtime: compare
import asyncio
import app.compat
async def job():
    return 1
async def main():
    t = asyncio.ensure_future(job())
    print("result", await t, "tracked:", len(app.compat.LIVE))
asyncio.run(main())
