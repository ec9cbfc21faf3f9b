# leave: `run_line_magic("run", "-m app.tool")` runs app/tool.py again
from IPython.core.interactiveshell import InteractiveShell
import app.tool
sh = InteractiveShell.instance()
sh.run_line_magic("run", "-m app.tool")
