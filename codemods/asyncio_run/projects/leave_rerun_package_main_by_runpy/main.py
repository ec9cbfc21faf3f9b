# asyncmod-runtime: compare
# leave (app/__main__.py, unsafe only): `python -m app` run in-process
# twice; the queue cached by the first run would fail on the second
# (bound to another `asyncio.run`'s)
import runpy
import warnings

warnings.simplefilter("ignore", DeprecationWarning)

for _ in range(2):
    runpy.run_module("app", run_name="__main__")
