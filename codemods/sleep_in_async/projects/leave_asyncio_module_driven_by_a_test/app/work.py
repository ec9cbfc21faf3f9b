import asyncio
import time


async def work():
    time.sleep(0.01)  # left: a test steps this coroutine with no loop
    return "ok"


async def main():
    print(await work())
