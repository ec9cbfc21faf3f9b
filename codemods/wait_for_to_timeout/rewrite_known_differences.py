# The differences Fix safety accepts, each rewritten and each observable by
# running this file before and after (so it is not compared at run time).
import asyncio
import contextvars
import time

var = contextvars.ContextVar("var", default="unset")


class Poller:
    timeout = 0

    async def poll(self, q):
        # rewrite: a zero read from an attribute is not known; `wait_for`
        # leaves the item queued and times out, `timeout()` takes it
        item = await asyncio.wait_for(q.get(), self.timeout)
        return item


class Conn:
    timeout = 5

    async def _connect(self):
        await asyncio.sleep(0.05)
        return "connected"

    def connect(self):
        self.timeout = 0.01
        return self._connect()

    async def open(self):
        # rewrite: an attribute read counts as free of effects, as in ruff,
        # so `self.timeout` is now read before `connect()` changes it
        reply = await asyncio.wait_for(self.connect(), self.timeout)
        return reply


def build():
    time.sleep(0.1)
    return 1


async def send(x):
    await asyncio.sleep(0.05)
    return x


async def slow_argument():
    # rewrite: `build()` now runs after the deadline is set (loud: a
    # TimeoutError where there was none)
    r = await asyncio.wait_for(send(build()), 0.12)
    return r


async def setter():
    var.set("set")


async def other():
    print("other")


async def work():
    print("work")


async def on_python_311_only():
    # rewrite: the context variable set inside is now seen by the caller,
    # and `work` starts before `other`, as with 3.12's own `wait_for`
    t = asyncio.create_task(other())
    await asyncio.wait_for(setter(), 1)
    await asyncio.wait_for(work(), 1)
    await t
    print(var.get())
