# asyncmod-runtime: compare
# leave (scripts/tool.py, unsafe only): an interpreter of the `code` module
# runs the script's source twice
import code

with open("scripts/tool.py") as file:
    src = file.read()
for _ in range(2):
    code.InteractiveInterpreter({"__name__": "__main__"}).runsource(src, "tool", "exec")
