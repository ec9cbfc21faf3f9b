# asyncmod-runtime: compare
# leave: `importlib`, imported by name, reloads app.tool
import app.tool
mod = __import__("importlib")
mod.reload(app.tool)
