import asyncio


def main(loop, work):
    # leave: synchronous code, where no `await` is possible
    loop.run_until_complete(asyncio.wait_for(work(), 5))
    waiter = asyncio.wait_for
    return waiter


class Settings:
    waiter = staticmethod(asyncio.wait_for)  # leave: a class body
