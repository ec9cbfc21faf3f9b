import asyncio
import contextlib
from unittest import mock


def sleep(delay):
    print("sync sleep", delay)


def sync(base):
    # A subclass whose coroutine methods are plain functions.
    class Sync(base):
        def put(self, item):
            print("sync put", item)
            self.put_nowait(item)

        def wait(self):
            print("sync wait")

        def acquire(self):
            print("sync acquire")

    return Sync


# Other spellings of a write of `asyncio.X` than `asyncio.X = Y`.
asyncio.sleep, other = sleep, 1
asyncio. Queue = sync(asyncio.Queue)
asyncio.\
    LifoQueue = sync(asyncio.LifoQueue)
for asyncio.PriorityQueue in [sync(asyncio.PriorityQueue)]:
    pass
with contextlib.nullcontext(sync(asyncio.Event)) as asyncio.Event:
    pass
mock.patch("asyncio.Lock", sync(asyncio.Lock)).start()
mock.patch.multiple(asyncio, Semaphore=sync(asyncio.Semaphore)).start()
mock.patch.dict(vars(asyncio), Condition=sync(asyncio.Condition)).start()
