# asyncmod-runtime: compare
# The module steps its coroutine with type(coro).send(coro, None).
import asyncio
import time

async def work():
    print("start")
    time.sleep(0.01)
    print("end")
    return 42

def run(coro):
    try:
        while True:
            type(coro).send(coro, None)
    except StopIteration as e:
        return e.value

try:
    print("result", run(work()))
except Exception as e:
    print("ERR", type(e).__name__, e)
