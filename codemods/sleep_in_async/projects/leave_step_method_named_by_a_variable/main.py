# asyncmod-runtime: compare
# Another file takes the coroutine's send by a name held in a variable
# (getattr(coro, METHOD)): no loop runs. Unsafe fix only.
from app.runner import run
from app.work import work
try:
    print('result', run(work()))
except Exception as e:
    print('ERR', type(e).__name__, e)
