"""A decorator's wrapper catches the `TypeError` of the function it wraps (unsafe fix only)."""
import asyncio
import functools

def fallback_on_type_error(value):
    def deco(fn):
        @functools.wraps(fn)
        async def wrapper(*args):
            try:
                return await fn(*args)
            except TypeError:
                return value
        return wrapper
    return deco

@fallback_on_type_error("fallback")
async def wait_ready(loop):
    ev = asyncio.Event(loop=loop)
    ev.set()
    await ev.wait()
    return "ready"

async def main():
    print(await wait_ready(asyncio.get_running_loop()))

asyncio.run(main())
