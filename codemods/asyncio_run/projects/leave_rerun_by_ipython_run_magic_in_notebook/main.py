# leave: the notebook's `%run -m app.tool` (run here in an IPython shell, as a
# kernel would) runs app/tool.py again in a process that imported it: a
# second `asyncio.run` would find the first run's task dead
import json, subprocess, sys
nb = json.load(open("notebooks/dev.ipynb"))
cells = []
for c in nb["cells"]:
    if c["cell_type"] == "code":
        s = c["source"]
        cells.append(s if isinstance(s, str) else "".join(s))
runner = "from IPython.core.interactiveshell import InteractiveShell\nimport json, sys\nsh = InteractiveShell.instance()\nfor c in json.loads(sys.argv[1]):\n    sh.run_cell(c)\n"
r = subprocess.run([sys.executable, "-c", runner, json.dumps(cells)], capture_output=True, text=True)
print(r.stdout, end="")
print("rc", r.returncode)
