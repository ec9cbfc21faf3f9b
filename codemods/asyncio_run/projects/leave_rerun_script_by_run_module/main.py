# asyncmod-runtime: compare
# leave (app/tool.py, unsafe only): the script is run twice in-process
import runpy
import warnings

warnings.simplefilter("ignore", DeprecationWarning)

for _ in range(2):
    runpy.run_module("app.tool", run_name="__main__")
