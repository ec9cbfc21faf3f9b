"""The `except TypeError` that relies on `loop=` failing is two calls above it (unsafe fix only)."""
import asyncio

def make_lock(loop):
    return asyncio.Lock(loop=loop)

def make_resources(loop):
    return {"lock": make_lock(loop)}

def setup(loop):
    try:
        return make_resources(loop)
    except TypeError:
        return {"lock": None, "legacy": False}

async def main():
    print(setup(asyncio.get_running_loop()))

asyncio.run(main())
