# asyncmod-runtime: compare
import asyncio as aio


async def tick(n):
    for i in range(n):
        print("tick", i)
        await aio.sleep(0)
    return n


if __name__ == "__main__":

    def start():
        # rewrite, safe: `start` exists only when run as a script and is
        # called once; setup inside the try, alias `aio` reused
        try:
            loop = aio.new_event_loop()
            aio.set_event_loop(loop)
            ticks = loop.run_until_complete(tick(3))
        finally:
            aio.set_event_loop(None)
            loop.close()
        print("ticks", ticks)

    start()
