# `main` imports `time` from here: the import stays after the fix.
import time


async def poll():
    time.sleep(0.01)
    return "polled"
