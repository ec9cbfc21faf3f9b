# asyncmod-runtime: compare
# `registry` steps the coroutines `jobs` registers by hand, with no loop
# running: `asyncio.run` works in them, and `await inner()` would find no loop.
import registry
import jobs

registry.step_all()
print("exit ok")
