# asyncmod-runtime: compare
import asyncio
import gc
import time


async def tidy():
    gc.collect()  # leave: the built-in `gc`, not gc.py
    time.sleep(0.01)  # leave (AM109): the built-in `time`, not time.py
    print("tidied")


asyncio.run(tidy())
