# asyncmod-runtime: compare
# main.py imports trio with importlib.import_module: the coroutine runs under
# trio, where asyncio.sleep raises.
import importlib
from app.work import work
trio = importlib.import_module("trio")
try:
    print("result", trio.run(work))
except Exception as e:
    print("ERR", type(e).__name__, e)
