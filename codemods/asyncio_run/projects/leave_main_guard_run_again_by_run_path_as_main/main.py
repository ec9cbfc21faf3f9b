# asyncmod-runtime: compare
# leave (script.py, unsafe only): `run_path` with `run_name="__main__"` runs the
# main-guard block again, unlike the reload beside it
import importlib
import json  # noqa: F401
import runpy
import sys
import warnings

warnings.simplefilter("ignore", DeprecationWarning)

runpy.run_path("script.py", run_name="__main__")
for name in ["json"]:
    importlib.reload(sys.modules[name])
try:
    runpy.run_path("script.py", run_name="__main__")
except RuntimeError as e:
    print(type(e).__name__)
