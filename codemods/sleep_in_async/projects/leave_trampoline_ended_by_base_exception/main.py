# asyncmod-runtime: compare
# Another file steps the coroutine with `value = coro.send(value)` and ends
# on `except BaseException`, never spelling StopIteration: no loop runs.
from app.runner import run
from app.work import work
try:
    print('result', run(work()))
except Exception as e:
    print('ERR', type(e).__name__, e)
