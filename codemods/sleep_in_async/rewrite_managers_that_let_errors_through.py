# asyncmod-runtime: compare
# Context managers known to let every exception from their block through:
# a sleep inside them is rewritten as safely as one outside any `with`.
import asyncio
import contextlib
import time
from contextlib import contextmanager, suppress


class Tracked:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *exc):
        print("exit")


@contextmanager
def announced():
    print("before")
    yield
    print("after")


lock = asyncio.Lock()


async def job(d):
    with open(__file__) as source:
        source.read(1)
        time.sleep(d)  # rewrite: `open` never suppresses
    with Tracked():
        time.sleep(d)  # unsafe: `__exit__` returns None, but entering may hold what other tasks share
    with announced():
        time.sleep(d)  # unsafe: no handler around the `yield`, but the code before it may hold what other tasks share
    async with lock:
        time.sleep(d)  # rewrite: an asyncio.Lock
    async with asyncio.timeout(5):
        time.sleep(d)  # unsafe: no suppression, but the deadline can now fire here
    with contextlib.nullcontext():
        time.sleep(d)  # rewrite: `nullcontext`
    with suppress(KeyError):
        time.sleep(d)  # rewrite: suppresses only what `time.sleep` never raises
    print("done")


asyncio.run(job(0.001))
