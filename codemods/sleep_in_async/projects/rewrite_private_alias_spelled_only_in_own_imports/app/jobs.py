# `main` star-imports this module (no `__all__`): the fix imports asyncio
# under a private name, which `app.other` spells only in an import of its own.
import time


async def tick():
    time.sleep(0.01)
    return "tick"
