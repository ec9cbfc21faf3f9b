# asyncmod-runtime: compare
# The class's namespace hands its method to run on another object.
import asyncio
from patcher import Patcher
from target import Target

async def run():
    t = Target()
    for k, f in list(Patcher.__dict__.items()):
        if callable(f) and not k.startswith("_"):
            f(t)
    t.fill()
    print("filled", t.log)

asyncio.run(run())
