# asyncmod-runtime: compare
# `type.__getattribute__` takes the method off its class by a computed name.
import asyncio
from patcher import Patcher
from target import Target

async def run():
    t = Target()
    type.__getattribute__(Patcher, "pa" + "tch")(t)
    t.fill()
    print("filled", t.log)

asyncio.run(run())
