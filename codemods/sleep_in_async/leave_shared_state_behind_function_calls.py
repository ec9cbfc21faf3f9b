# A value got from a function before the sleep and handed to a function
# after it, where the functions read and write state other tasks share (a
# module global, a closure's nonlocal): another task can now run in
# between, and its update is lost. The fix is unsafe: left alone by default.
import asyncio
import time

_c = [0]


def get():
    return _c[0]


def put(v):
    _c[0] = v


def make_counter():
    count = 0

    def read():
        return count

    def write(v):
        nonlocal count
        count = v

    return read, write


read, write = make_counter()


async def bump():
    n = get()
    time.sleep(0.01)  # leave: `get()` before, `put()` after
    put(n + 1)


async def bump_closure():
    n = read()
    time.sleep(0.01)  # leave: closures from `make_counter()`, unknown
    write(n + 1)


async def main():
    await asyncio.gather(bump(), bump(), bump())
    await asyncio.gather(bump_closure(), bump_closure())
    print("count", _c[0], read())


asyncio.run(main())
