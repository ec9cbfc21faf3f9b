# asyncmod-runtime: compare
"""Coroutine methods every instance finds, and a custom task factory."""
import asyncio
from socketserver import ThreadingMixIn
from typing import Any, cast


class MyTask(asyncio.Task):
    pass


class Worker:
    async def tick(self, n):
        await asyncio.sleep(0)
        return f"tick {n}"

    async def start(self):
        task = asyncio.ensure_future(self.tick(1))  # rewrite
        print(type(task).__name__, await task)
        other = asyncio.ensure_future(cast(Any, self.tick(2)))  # rewrite
        print(await other)


class Threaded(Worker, ThreadingMixIn):
    pass  # a base from another module after `Worker`: after it in the order


async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(lambda loop, coro, **kw: MyTask(coro, loop=loop, **kw))
    await Worker().start()
    await Threaded().start()


asyncio.run(main())
