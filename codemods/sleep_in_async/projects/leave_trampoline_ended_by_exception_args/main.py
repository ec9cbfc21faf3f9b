# asyncmod-runtime: compare
# Another file steps the coroutine with `arg = coro.send(arg)` and reads the
# result from `e.args` of `except Exception`: no loop runs.
from app.runner import run
from app.work import work
try:
    print('result', run(work()))
except Exception as e:
    print('ERR', type(e).__name__, e)
