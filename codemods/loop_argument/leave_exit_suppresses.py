"""An `__exit__` that returns True swallows the `TypeError` (unsafe fix only)."""
import asyncio

class Quiet:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        self.failed = exc[0] is not None
        return True

async def main():
    loop = asyncio.get_running_loop()
    with Quiet() as q:
        await asyncio.sleep(0, loop=loop)
    print("failed" if q.failed else "ok")

asyncio.run(main())
