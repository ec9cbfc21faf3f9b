# The module makes the library's coroutine function a plain one.
import asyncio


def fake_sleep(s):
    print("slept", s)


asyncio.sleep = fake_sleep


async def main():
    asyncio.sleep(0)
    print("done")


asyncio.run(main())
