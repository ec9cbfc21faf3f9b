"""A task's `.exception()` is read: the `TypeError` is a value the program looks at (unsafe fix only)."""
import asyncio

async def legacy(loop):
    await asyncio.sleep(0, loop=loop)
    return "legacy"

async def main():
    loop = asyncio.get_running_loop()
    done, _ = await asyncio.wait([asyncio.create_task(legacy(loop))])
    for t in done:
        print("failed" if t.exception() else t.result())

asyncio.run(main())
