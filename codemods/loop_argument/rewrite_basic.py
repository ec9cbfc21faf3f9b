"""A rate-limited crawler written for Python 3.6, when `loop=` was the norm."""
import asyncio


class Crawler:
    def __init__(self, loop, concurrency=4):
        self.loop = loop
        self.queue = asyncio.Queue(loop=loop)  # rewrite: primitives bind on first use
        self.limit = asyncio.Semaphore(concurrency, loop=loop)  # rewrite
        self.done = asyncio.Event(loop=self.loop)  # rewrite: an attribute is fine

    async def fetch(self, url):
        async with self.limit:
            await asyncio.sleep(0.1, loop=self.loop)  # rewrite
            return await asyncio.wait_for(download(url), 10, loop=self.loop)  # rewrite

    async def run(self, urls):
        pages = await asyncio.gather(*map(self.fetch, urls), loop=self.loop)  # rewrite
        done, pending = await asyncio.wait(  # rewrite
            [self.queue.join()], timeout=5, loop=self.loop
        )
        self.done.set()
        return pages
