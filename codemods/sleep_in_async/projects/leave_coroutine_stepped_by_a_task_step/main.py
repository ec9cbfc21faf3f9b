# asyncmod-runtime: compare
# Another file's Task.step() returns coro.send(value), and its trampoline
# calls it until StopIteration: asyncio.sleep raises where no loop runs.
# Unsafe fix only.
from app.runner import run
from app.work import work
try:
    print('result', run(work()))
except Exception as e:
    print('ERR', type(e).__name__, e)
