# asyncmod-runtime: compare
# leave (scripts/tool.py, unsafe only): the script's source, read from a
# path named on another line, is run twice by `exec`
TOOL = "scripts/tool.py"
with open(TOOL) as file:
    src = file.read()
g = {"__name__": "__main__"}
for _ in range(2):
    exec(src, g)
