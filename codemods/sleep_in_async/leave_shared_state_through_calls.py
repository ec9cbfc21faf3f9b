# State read before the sleep and changed after it through a method of the
# object, or a function that changes its first argument: another task can
# now run in between (two initialisations, a lost race, a lost update).
# Also a loop over shared state that another task can change during the
# sleep, and a duration `time.sleep` rejects with `OverflowError`. The fix
# is unsafe: left alone by default.
import asyncio
import heapq
import operator
import threading
import time

LOCK = threading.Lock()
queue = []
STATE = {"n": 0}


class Service:
    def __init__(self):
        self.ready = threading.Event()
        self.sessions = {"a": 1, "b": 2}

    async def ensure_started(self, who):
        if not self.ready.is_set():
            time.sleep(0.01)  # leave: `self.ready.set()` after
            self.ready.set()
            print(who, "initialised the service")

    async def heartbeat(self):
        for name in self.sessions:
            time.sleep(0.01)  # leave: iterates `self.sessions`
            print("ping", name)


async def take(name):
    if LOCK.locked():
        print(name, "busy")
        return
    time.sleep(0.01)  # leave: `LOCK.acquire` after
    got = LOCK.acquire(blocking=False)
    print(name, "took" if got else "lost the race")


async def incr(d):
    v = d.get("n", 0)
    time.sleep(0.01)  # leave: `operator.setitem(d, …)` after
    operator.setitem(d, "n", v + 1)


async def withdraw(acct, amount):
    bal = getattr(acct, "balance")
    time.sleep(0.01)  # leave: `setattr(acct, …)` after
    setattr(acct, "balance", bal - amount)


async def push(prio):
    if not queue:
        time.sleep(0.01)  # leave: `heapq.heappush(queue, …)` after
        heapq.heappush(queue, prio)


async def bump():
    n = globals()["STATE"]["n"]
    time.sleep(0.01)  # leave: the module's namespace read and written
    globals()["STATE"]["n"] = n + 1


async def park():
    time.sleep(1e10)  # leave: `time.sleep` raises OverflowError here


async def main():
    s = Service()
    await asyncio.gather(s.ensure_started("a"), s.ensure_started("b"))
    await asyncio.gather(take("a"), take("b"))
    d = {}
    await asyncio.gather(incr(d), incr(d))
    print(d)


asyncio.run(main())
