# asyncmod-runtime: compare
# trio (imported with import_module) runs the coroutine: no asyncio loop
# runs, get_running_loop() raises there. Unsafe fix only.
import importlib
from app.work import work
trio = importlib.import_module("trio")
try:
    print("result", trio.run(work))
except Exception as e:
    print("ERR", type(e).__name__, e)
