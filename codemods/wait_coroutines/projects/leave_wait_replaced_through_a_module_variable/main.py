# asyncmod-runtime: compare
import asyncio
import app.compat
async def job(i):
    return i
async def main():
    done, pending = await asyncio.wait([job(1), job(2)])
    print("done", sorted(t.result() for t in done))
asyncio.run(main())
