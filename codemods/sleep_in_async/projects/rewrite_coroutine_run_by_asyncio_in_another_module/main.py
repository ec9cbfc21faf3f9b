# asyncmod-runtime: compare
# No file of the project drives coroutines by hand: `work` runs on the loop.
import asyncio

from app.work import work

print("result", asyncio.run(work()))
