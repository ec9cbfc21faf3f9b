# asyncmod-runtime: compare
import warnings
warnings.simplefilter("ignore")
from test.support.import_helper import import_fresh_module
import app.tool
import_fresh_module("app.tool")
