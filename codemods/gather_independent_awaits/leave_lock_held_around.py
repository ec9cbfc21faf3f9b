# asyncmod-test: --unsafe-fixes
# Each call runs in a task of its own: a lock the caller holds around the
# statements and the called function takes too would wait for the caller
# when the lock belongs to the current task (re-entrant for its owner).
import asyncio


class TaskRLock:
    """A re-entrant lock owned by the current task."""

    def __init__(self):
        self._lock = asyncio.Lock()
        self._owner = None
        self._depth = 0

    async def __aenter__(self):
        me = asyncio.current_task()
        if self._owner is not me:
            await self._lock.acquire()
            self._owner = me
        self._depth += 1

    async def __aexit__(self, *exc):
        self._depth -= 1
        if self._depth == 0:
            self._owner = None
            self._lock.release()


state_lock = TaskRLock()


async def read_a():
    async with state_lock:
        return "a"


async def read_b():
    async with state_lock:
        return "b"


async def read_free():
    await asyncio.sleep(0)
    return "free"


async def snapshot():
    async with state_lock:
        a = await read_a()  # leave: both take `state_lock`, held here
        b = await read_b()
        return a, b


async def one_takes_the_lock():
    async with state_lock:
        a = await read_a()  # leave: `read_a` takes `state_lock`, held here
        free = await read_free()
        return a, free


class Store:
    def __init__(self):
        self._lock = TaskRLock()

    async def read(self):
        async with self._lock:
            return "read"

    async def refresh(self):
        async with self._lock:
            value = await self.read()  # leave: `self.read` may take `self._lock`
            free = await read_free()
            return value, free


async def main():
    for run in (snapshot, one_takes_the_lock, Store().refresh):
        try:
            print(await asyncio.wait_for(run(), 1))
        except asyncio.TimeoutError:
            print("deadlock")


asyncio.run(main())
