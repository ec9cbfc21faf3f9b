# asyncmod-runtime: compare
# trio (imported with import_module) runs the coroutine, where asyncio.run
# works.
import asyncio
import importlib

async def inner():
    await asyncio.sleep(0.01)
    return 7

async def work():
    r = asyncio.run(inner())
    print("inner", r)
    return 42

trio = importlib.import_module("trio")
print("result", trio.run(work))
