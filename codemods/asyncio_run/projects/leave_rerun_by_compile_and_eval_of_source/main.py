# asyncmod-runtime: compare
# leave (scripts/tool.py, unsafe only): the script's source, compiled in
# "exec" mode, is run twice by `eval`
TOOL = "scripts/tool.py"
with open(TOOL) as file:
    code = compile(file.read(), TOOL, "exec")
for _ in range(2):
    eval(code, {"__name__": "__main__"})
