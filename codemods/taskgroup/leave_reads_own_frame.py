# asyncmod-test: --unsafe-fixes
import asyncio


async def value(i):
    return i


async def main():
    tasks = [asyncio.create_task(value(i)) for i in range(2)]
    await asyncio.gather(*tasks)  # leave, reported: `tg` and `i` would show in locals()
    print(sorted(k for k in locals()))


asyncio.run(main())
