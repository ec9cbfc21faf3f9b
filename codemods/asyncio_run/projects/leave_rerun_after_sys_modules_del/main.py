# asyncmod-runtime: compare
# leave (app/tool.py, unsafe only): taken out of `sys.modules`, `app.tool` runs again when imported again
import sys
import app.tool
del sys.modules["app.tool"]
import app.tool
