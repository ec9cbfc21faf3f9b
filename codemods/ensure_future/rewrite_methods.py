import asyncio


class Crawler:
    def __init__(self, client):
        self.client = client
        self.pending = set()

    async def visit(self, url):
        return await self.client.get(url)

    async def crawl(self, urls):
        for url in urls:
            task = asyncio.ensure_future(self.visit(url))  # rewrite: an async method
            self.pending.add(task)
            task.add_done_callback(self.pending.discard)
        # rewrite: `asyncio.sleep` returns a coroutine
        return asyncio.ensure_future(asyncio.sleep(0))
