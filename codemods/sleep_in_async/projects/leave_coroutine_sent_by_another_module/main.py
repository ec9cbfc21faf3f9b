# asyncmod-runtime: compare
# This file drives the coroutine by hand: no event loop runs, so an
# `await asyncio.sleep(…)` in `work` would raise `RuntimeError`.
from app.work import work

c = work()
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
