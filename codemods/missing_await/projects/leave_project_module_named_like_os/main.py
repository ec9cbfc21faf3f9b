# asyncmod-runtime: compare
import asyncio
import os


async def handle():
    os.getpid()
    print('done')


asyncio.run(handle())
