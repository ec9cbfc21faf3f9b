# asyncmod-runtime: compare
# `getattr(self, which).__func__` takes the method off its instance and runs
# it on another object, whose async `fill` it replaces.
import asyncio
from patcher import Patcher
from target import Target

async def run():
    t = Target()
    Patcher().apply(t, "pa" + "tch")
    t.fill()
    print("filled", t.log)

asyncio.run(run())
