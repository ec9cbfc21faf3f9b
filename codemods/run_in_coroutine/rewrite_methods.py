import asyncio as aio


class Service:
    async def start(self):
        for worker in self.workers:
            if worker.idle:
                aio.run(worker.start())  # rewrite: alias of asyncio
        self.ready = [aio.run(w.ping()) for w in self.workers]  # rewrite: list comprehension

    async def stop(self):
        await aio.gather(*(w.stop() for w in self.workers))
