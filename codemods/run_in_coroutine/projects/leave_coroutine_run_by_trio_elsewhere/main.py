# asyncmod-runtime: compare
# `work` imports only asyncio, but its coroutine runs under trio here.
import trio

import work

trio.run(work.main)
print("exit ok")
