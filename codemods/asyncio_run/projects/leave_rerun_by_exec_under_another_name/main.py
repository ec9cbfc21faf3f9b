# asyncmod-runtime: compare
# leave (scripts/tool.py, unsafe only): `exec` under another name runs the
# script's source twice
run_code = exec
with open("scripts/tool.py") as file:
    src = file.read()
for _ in range(2):
    run_code(src, {"__name__": "__main__"})
