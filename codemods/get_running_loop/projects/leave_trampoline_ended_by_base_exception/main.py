# asyncmod-runtime: compare
# Another file steps the coroutine with `value = coro.send(value)` and ends
# on `except BaseException`: no loop runs, and get_running_loop() would raise.
from app.runner import run
from app.work import work
try:
    print('result', run(work()))
except Exception as e:
    print('ERR', type(e).__name__, e)
