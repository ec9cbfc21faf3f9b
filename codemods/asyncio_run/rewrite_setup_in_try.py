# asyncmod-runtime: compare
import asyncio as aio


async def tick(n):
    for i in range(n):
        print("tick", i)
        await aio.sleep(0)
    return n


def start():
    try:  # rewrite: setup inside the try, alias `aio` reused
        loop = aio.new_event_loop()
        aio.set_event_loop(loop)
        ticks = loop.run_until_complete(tick(3))
    finally:
        aio.set_event_loop(None)
        loop.close()
    print("ticks", ticks)


start()
