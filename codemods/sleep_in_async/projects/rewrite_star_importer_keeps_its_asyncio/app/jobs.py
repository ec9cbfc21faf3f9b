# `main` star-imports this module, which has no `__all__`, after importing
# the package's own `app.asyncio`: a new `import asyncio` here would rebind
# `main`'s `asyncio` to the library. The fix imports it under a private name.
import time


async def tick():
    time.sleep(0.01)
    return "tick"
