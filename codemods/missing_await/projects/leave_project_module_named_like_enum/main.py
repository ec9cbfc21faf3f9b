# asyncmod-runtime: compare
import asyncio
import enum


async def handle():
    enum.auto()
    print("done")

asyncio.run(handle())
