"""A method reached through `self` inside a `try: … except TypeError` (unsafe fix only)."""
import asyncio

class Pool:
    def __init__(self, loop):
        self.loop = loop
    def _make_sem(self):
        return asyncio.Semaphore(3, loop=self.loop)
    def build(self):
        try:
            self.sem = self._make_sem()
            self.mode = "legacy"
        except TypeError:
            self.sem = asyncio.Semaphore(3)
            self.mode = "modern"
        return self.mode

async def main():
    print(Pool(asyncio.get_running_loop()).build())

asyncio.run(main())
