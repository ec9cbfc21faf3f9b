# asyncmod-runtime: compare
# leave (app/service.py): a cell of `notebooks/explore.ipynb` replaces
# `asyncio.wait_for` with a traced one, which the rewritten code would no
# longer call (the cells run here as in their kernel)
import json

with open("notebooks/explore.ipynb") as file:
    notebook = json.load(file)
namespace = {"__name__": "__main__"}
for cell in notebook["cells"]:
    if cell["cell_type"] == "code":
        exec("".join(cell["source"]), namespace)
