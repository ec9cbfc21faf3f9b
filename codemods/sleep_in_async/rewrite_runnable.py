# asyncmod-runtime: compare
import asyncio
import time


async def countdown(n):
    while n:
        print("tick", n)
        time.sleep(0.01)  # rewrite
        n -= 1
    return "liftoff"


print(asyncio.run(countdown(3)))
