import time


async def run(asyncio):
    time.sleep(1)  # leave, reported: `asyncio` here is a parameter, so no import can reach it
