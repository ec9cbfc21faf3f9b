# asyncmod-runtime: compare
import runpy
import warnings

warnings.simplefilter("ignore")
runpy.run_module("app", run_name="__main__")
