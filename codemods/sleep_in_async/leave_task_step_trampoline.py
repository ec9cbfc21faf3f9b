# A Task.step() method returns coro.send(value) and the trampoline below
# calls it until StopIteration: no loop runs, asyncio.sleep would raise.
import asyncio
import time

async def work():
    print("start")
    time.sleep(0.01)
    print("end")
    return 42

class Task:
    def __init__(self, coro):
        self.coro = coro
    def step(self, value):
        return self.coro.send(value)
def run(coro):
    t = Task(coro)
    v = None
    try:
        while True:
            v = t.step(v)
    except StopIteration as e:
        return e.value

try:
    print("result", run(work()))
except Exception as e:
    print("ERR", type(e).__name__, e)
