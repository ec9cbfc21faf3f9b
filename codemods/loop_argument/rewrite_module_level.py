import asyncio

loop = asyncio.get_event_loop()
stop = asyncio.Event(loop=loop)  # rewrite: binds to the running loop on first use
jobs = asyncio.Queue(maxsize=100, loop=asyncio.get_event_loop())  # rewrite


async def wait_for_stop():
    await stop.wait()


if __name__ == "__main__":
    loop.run_until_complete(wait_for_stop())
