# asyncmod-runtime: compare
# Another file's plain generator delegates to the coroutine's `__await__` and is
# stepped with next(): the coroutine runs with no loop.
from app.runner import run
from app.work import work
try:
    print('result', run(work()))
except Exception as e:
    print('ERR', type(e).__name__, e)
