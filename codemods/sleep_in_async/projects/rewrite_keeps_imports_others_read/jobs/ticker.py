# `report` reads `ticker.time`: the import stays after the fix.
import time


async def tick():
    time.sleep(0.01)
    return "ticked"
