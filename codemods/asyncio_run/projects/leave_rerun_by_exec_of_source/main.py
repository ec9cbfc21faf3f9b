# asyncmod-runtime: compare
# leave (scripts/tool.py, unsafe only): the script's source is run twice by `exec`, so its main-guard block runs twice
from pathlib import Path
src = Path("scripts/tool.py").read_text()
g = {"__name__": "__main__"}
for _ in range(2):
    exec(compile(src, "scripts/tool.py", "exec"), g)
