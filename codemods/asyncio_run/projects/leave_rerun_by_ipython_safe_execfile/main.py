# leave: IPython's `safe_execfile("app/tool.py", …)` runs app/tool.py again
from IPython.core.interactiveshell import InteractiveShell
import app.tool
sh = InteractiveShell.instance()
sh.safe_execfile("app/tool.py", {"__name__": "tool"})
