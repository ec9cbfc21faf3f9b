import logging

log = logging.getLogger(__name__)


def load(name):
    log.debug("loading %s", name)
    return {"name": name}


class Registry:
    names = set()

    def __init__(self, name):
        self.name = name

    @classmethod
    def add(cls, func):
        cls.names.add(func.__name__)
        return func


async def ready():
    await asyncio_sleep()
    return "ready"


async def asyncio_sleep():
    import asyncio

    await asyncio.sleep(0)
