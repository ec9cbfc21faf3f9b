# asyncmod-runtime: compare
import asyncio
import random


async def handle():
    random.random()
    print('done')


asyncio.run(handle())
