# asyncmod-runtime: compare
# Another file runs a trampoline (coro.send(value) until StopIteration); the
# module imports asyncio.
from app.runner import run
from app.work import work
try:
    print('result', run(work()))
except Exception as e:
    print('ERR', type(e).__name__, e)
