"""`gather(…, return_exceptions=True)` turns the `TypeError` into a result (unsafe fix only)."""
import asyncio

async def legacy(loop):
    await asyncio.sleep(0, loop=loop)
    return "legacy ok"

async def modern():
    await asyncio.sleep(0)
    return "modern ok"

async def main():
    loop = asyncio.get_running_loop()
    results = await asyncio.gather(legacy(loop), modern(), return_exceptions=True)
    print([type(r).__name__ if isinstance(r, BaseException) else r for r in results])

asyncio.run(main())
