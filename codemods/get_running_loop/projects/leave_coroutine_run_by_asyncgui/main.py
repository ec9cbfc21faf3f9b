# asyncmod-runtime: compare
# asyncgui steps the coroutine itself, with no event loop. Unsafe fix only.
# (Without asyncgui installed both runs stop alike at the import.)
import asyncgui
from app.work import work
task = asyncgui.start(work())
print("finished:", task.finished, task.result if task.finished else None)
