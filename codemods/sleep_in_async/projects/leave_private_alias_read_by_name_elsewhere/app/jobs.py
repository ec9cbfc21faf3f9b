# `main` star-imports this module (no `__all__`) and `app.other` reads its
# `_asyncio` by name: neither `asyncio` nor `_asyncio` is free for the fix.
import time


async def tick():
    time.sleep(0.01)
    return "tick"
