# asyncmod-runtime: compare
# Another file runs a trampoline: an await of asyncio.sleep fails where no
# loop runs.
from app.runner import run
from app.work import work
try:
    print('result', run(work()))
except Exception as e:
    print('ERR', type(e).__name__, e)
