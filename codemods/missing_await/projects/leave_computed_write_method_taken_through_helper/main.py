# asyncmod-runtime: compare
# A helper of another module runs the class's methods by computed names on
# the object it is given: `Patcher.patch` replaces `t.fill` with a plain
# function.
import asyncio
from patcher import Patcher
from target import Target
from apply import apply

async def run():
    t = Target()
    apply(Patcher, t, ["pat" + "ch"])
    t.fill()
    print("filled", t.log)

asyncio.run(run())
