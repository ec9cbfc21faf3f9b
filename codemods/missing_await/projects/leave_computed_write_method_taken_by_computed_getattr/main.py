# asyncmod-runtime: compare
# The method that writes by a computed name is taken off its class by a
# name the code computes and run on another object, whose async `fill` it
# replaces with a plain function: awaiting `t.fill()` would fail.
import asyncio
from patcher import Patcher
from target import Target

method_name = "pa" + "tch"

async def run():
    t = Target()
    getattr(Patcher, method_name)(t)
    t.fill()
    print("filled", t.log)

asyncio.run(run())
