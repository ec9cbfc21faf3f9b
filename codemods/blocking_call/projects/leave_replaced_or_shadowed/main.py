import asyncio

from app import db, handlers, service


class Fake:
    def load(self):
        return 1


# Replaced from outside their modules before anything runs.
handlers.helper = lambda: None
db.repo = Fake()


async def main():
    await handlers.handle()
    await service.load()
    await service.pause_a_little()


asyncio.run(main())
