# asyncmod-runtime: compare
# leave: the source of app/tool.py, read with `fileinput`, is run twice by `exec`
import fileinput
src = "".join(fileinput.input("app/tool.py"))
for _ in range(2):
    exec(src, {"__name__": "tool"})
