import asyncio
import enum


class Status(enum.Enum):
    READY = 1

    def __init__(self, value):
        # runs when the members are made, at import
        self.event = asyncio.Event()


async def fetch():
    await asyncio.sleep(0)
    return Status.READY.name
