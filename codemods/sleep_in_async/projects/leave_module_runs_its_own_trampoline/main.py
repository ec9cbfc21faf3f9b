# asyncmod-runtime: compare
# The module steps its coroutine itself: value = coro.send(value) until
# StopIteration.
import asyncio
import time

async def work():
    print("start")
    time.sleep(0.01)
    print("end")
    return 42

def run(coro):
    value = None
    try:
        while True:
            value = coro.send(value)
    except StopIteration as e:
        return e.value

try:
    print("result", run(work()))
except Exception as e:
    print("ERR", type(e).__name__, e)
