import asyncio
import atexit


async def connect():
    await asyncio.sleep(0)
    # registered from a coroutine; it does not use the loop
    atexit.register(lambda: print("bye"))
    return "client"
