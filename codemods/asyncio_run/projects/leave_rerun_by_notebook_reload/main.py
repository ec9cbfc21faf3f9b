# asyncmod-runtime: compare
# leave (app/tool.py, unsafe only): a cell of `notebooks/dev.ipynb` reloads
# the module in the kernel that imported it (run here as its kernel would,
# line magics left out)
import json
import subprocess
import sys

with open("notebooks/dev.ipynb") as file:
    notebook = json.load(file)
cells = ["".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code"]
lines = "\n".join(cells).splitlines()
code = "\n".join(line for line in lines if not line.startswith("%"))
result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
print(result.stdout, end="")
print("exit", result.returncode)
