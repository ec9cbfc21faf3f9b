# asyncmod-runtime: compare
# `run_sync` steps the coroutine's iterator by hand: no event loop runs.
from app.runner import run_sync
from app.work import work

print("result", run_sync(work()))
