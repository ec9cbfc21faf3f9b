# asyncmod-test: --unsafe-fixes --target-version py311
"""A queue worker written for Python 3.4: every line of it is a migration."""
import asyncio
import time


@asyncio.coroutine
def process(item, loop):
    yield from asyncio.sleep(0.1, loop=loop)  # rewrite: AM202 then AM201
    return item * 2


@asyncio.coroutine
def worker(queue, loop):
    while True:
        item = yield from queue.get()
        try:
            result = yield from asyncio.wait_for(process(item, loop), timeout=5)  # rewrite: AM202 then AM003
        except asyncio.TimeoutError:  # rewrite: AM103
            print("slow item", item)
            continue
        print("done", result)
        queue.task_done()


async def main():
    loop = asyncio.get_event_loop()  # rewrite: AM101
    queue = asyncio.Queue(loop=loop)  # rewrite: AM201
    consumer = asyncio.ensure_future(worker(queue, loop))  # rewrite: AM105
    for item in range(3):
        queue.put_nowait(item)
    time.sleep(0.01)  # rewrite: AM001
    await queue.join()
    print(len(asyncio.Task.all_tasks()), "tasks")  # rewrite: AM203
    consumer.cancel()


if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(main())  # rewrite: AM002
