# asyncmod-runtime: compare
import asyncio
import time


async def main():
    time.sleep(0.01)  # rewrite: `time` cannot be shadowed
    print("slept", time.monotonic() > 0)


asyncio.run(main())
