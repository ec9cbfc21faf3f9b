import asyncio

from app.worker import start_notifier


class Service:
    async def start(self):
        self.loop = asyncio.get_running_loop()
        start_notifier(self.loop)


async def start():
    await Service().start()
    print("started")
