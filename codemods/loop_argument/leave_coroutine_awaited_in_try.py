"""A coroutine made outside the `try` fails inside it, where `except TypeError` waits (unsafe fix only)."""
import asyncio

async def pause(loop):
    await asyncio.sleep(0, loop=loop)
    return "slept with loop"

async def main():
    loop = asyncio.get_running_loop()
    coro = pause(loop)
    try:
        print(await coro)
    except TypeError:
        print("loop argument not supported: new asyncio")

asyncio.run(main())
