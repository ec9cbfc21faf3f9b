import asyncio

from app.timing import sleep


class Poller:
    def sleep(self, seconds):
        pass

    async def run(self, clock):
        self.sleep(1)  # leave: a method, not time.sleep
        clock.sleep(1)  # leave: some object's sleep
        sleep(1)  # leave: app.timing.sleep
        await asyncio.sleep(1)  # leave: already async
