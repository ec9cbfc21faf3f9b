# asyncmod-runtime: compare
# The time left is only used once it is known to be above zero.
import asyncio


async def next_item(q, deadline):
    loop = asyncio.get_running_loop()
    left = deadline - loop.time()
    if left > 0:
        try:
            return await asyncio.wait_for(q.get(), left)  # rewrite
        except TimeoutError:
            return "timeout"
    return "past the deadline"


async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue()
    q.put_nowait("first")
    print(await next_item(q, loop.time() + 1))
    print(await next_item(q, loop.time() + 0.01))
    q.put_nowait("late")
    print(await next_item(q, loop.time() - 1))
    print(q.qsize())


asyncio.run(main())
