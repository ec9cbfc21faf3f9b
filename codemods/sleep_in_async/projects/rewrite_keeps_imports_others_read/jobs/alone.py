# Nothing else reads `time` from here: the import goes.
import time


async def rest():
    time.sleep(0.01)
    return "rested"
