# asyncmod-runtime: compare
# main.py imports a module by a computed name, and the project spells "trio":
# it may be trio.
import importlib
from app.work import work
BACKEND = "trio"
lib = importlib.import_module(BACKEND)
try:
    print("result", lib.run(work))
except Exception as e:
    print("ERR", type(e).__name__, e)
