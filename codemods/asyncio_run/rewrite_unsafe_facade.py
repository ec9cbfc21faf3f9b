# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
"""With --unsafe-fixes, a facade that may run many times is rewritten too."""
import asyncio


async def double(x):
    await asyncio.sleep(0)
    return x * 2


def double_sync(x):
    # rewrite (unsafe): each call now makes and closes its own loop, which
    # this coroutine does not mind
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(double(x))
    finally:
        loop.close()


def triple_sync(x):
    return asyncio.new_event_loop().run_until_complete(double(x)) + x  # rewrite (unsafe)


print(double_sync(1), double_sync(2), triple_sync(3))
