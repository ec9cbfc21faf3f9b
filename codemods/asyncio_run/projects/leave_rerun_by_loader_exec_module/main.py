# asyncmod-runtime: compare
# leave (app/tool.py, unsafe only): the module's loader runs its code again
# in the process that imported it
import app.tool

app.tool.__spec__.loader.exec_module(app.tool)
