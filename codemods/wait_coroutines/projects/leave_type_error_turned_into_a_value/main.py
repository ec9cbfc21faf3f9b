# asyncmod-runtime: compare
# gather(..., return_exceptions=True) turns the TypeError into a value:
# unsafe fix only.
import asyncio

async def fetch(i):
    await asyncio.sleep(0.01)
    return i

async def batch():
    await asyncio.wait([fetch(1), fetch(2)])
    return "batch done"

async def main():
    print(await asyncio.gather(batch(), return_exceptions=True))

asyncio.run(main())
