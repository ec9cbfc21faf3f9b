# asyncmod-runtime: compare
# main.py imports trio with __import__: the coroutine runs under trio.
from app.work import work
try:
    print("result", __import__("trio").run(work))
except Exception as e:
    print("ERR", type(e).__name__, e)
