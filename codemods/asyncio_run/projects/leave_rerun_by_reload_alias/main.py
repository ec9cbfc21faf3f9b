# asyncmod-runtime: compare
# leave (app/tool.py, unsafe only): `reload` under another name runs `app.tool` again
from importlib import reload as _r
import app.tool
_r(app.tool)
