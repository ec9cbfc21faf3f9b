# asyncmod-runtime: compare
import asyncio

class Guard:
    def __enter__(self):
        return self
    __exit__ = lambda self, *exc: print("swallowed", exc[0].__name__ if exc[0] else None) or True

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
