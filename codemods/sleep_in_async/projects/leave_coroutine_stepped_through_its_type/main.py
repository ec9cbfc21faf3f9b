# asyncmod-runtime: compare
# Another file steps the coroutine with type(coro).send(coro, None).
from app.runner import run
from app.work import work
try:
    print('result', run(work()))
except Exception as e:
    print('ERR', type(e).__name__, e)
