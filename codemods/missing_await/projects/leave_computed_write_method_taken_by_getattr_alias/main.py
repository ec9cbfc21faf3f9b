# asyncmod-runtime: compare
# `getattr` under another name takes the method off its class.
import asyncio
from patcher import Patcher
from target import Target

look = getattr

async def run():
    t = Target()
    look(Patcher, "pa" + "tch")(t)
    t.fill()
    print("filled", t.log)

asyncio.run(run())
