# asyncmod-runtime: compare
import asyncio


async def job(name):
    print("job ran", name)
    return name


async def main():
    first = asyncio.ensure_future(job("first"), loop=asyncio.get_running_loop())
    loop = asyncio.get_running_loop()
    second = asyncio.ensure_future(job("second"), loop=loop)
    print(await first, await second)
    print(first.get_loop() is loop, second.get_loop() is loop)


asyncio.run(main())
