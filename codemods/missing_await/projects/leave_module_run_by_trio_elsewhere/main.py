# asyncmod-runtime: compare
# `mod` imports only asyncio, but its coroutine runs under trio here:
# awaiting `asyncio.sleep(0)` there fails.
import trio
import mod

trio.run(mod.main)
print("exit ok")
