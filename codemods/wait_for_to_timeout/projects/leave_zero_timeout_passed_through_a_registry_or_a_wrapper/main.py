# asyncmod-runtime: compare
import asyncio
import functools

HANDLERS = {}


def handler(name):
    def deco(fn):
        HANDLERS[name] = fn
        return fn
    return deco


def no_wait(fn):
    @functools.wraps(fn)
    async def wrapper(q):
        return await fn(q, 0)
    return wrapper


@handler("get")
async def take(q, timeout):
    return await asyncio.wait_for(q.get(), timeout)


@no_wait
async def take_now(q, timeout=5):
    return await asyncio.wait_for(q.get(), timeout)


async def dispatch(command, *args):
    return await HANDLERS[command](*args)


async def main():
    q = asyncio.Queue()
    q.put_nowait("item")
    try:
        r = await dispatch("get", q, 0)
        print("dispatch got", r, "left", q.qsize())
    except TimeoutError:
        print("dispatch timeout; left", q.qsize())
    try:
        r = await take_now(q)
        print("take_now got", r, "left", q.qsize())
    except TimeoutError:
        print("take_now timeout; left", q.qsize())


asyncio.run(main())
