import asyncio

class Guard:
    # rewrite: the exit is a `def` that lets errors through
    __enter__ = lambda self: self

    def __exit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)

async def fetch():
    return 1

async def refresh():
    print("refresh")
    return asyncio.run(fetch())

async def main():
    with Guard():
        print("value", await refresh())
    print("continued")

asyncio.run(main())
