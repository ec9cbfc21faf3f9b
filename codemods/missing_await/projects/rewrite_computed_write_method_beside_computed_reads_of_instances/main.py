import asyncio

from patcher import Patcher
from target import Target

settings = Patcher(level=3)


async def run():
    t = Target()
    t.fill()  # rewrite: the computed writes reach only `Patcher`'s instances
    print("filled", t.log, settings.read("level"), getattr(t, "log"))


asyncio.run(run())
