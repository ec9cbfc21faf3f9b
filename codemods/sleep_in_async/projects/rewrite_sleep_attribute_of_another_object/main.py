# asyncmod-runtime: compare
# Other objects' attributes named `sleep`: `time.sleep` and `asyncio.sleep`
# are untouched, the rewrite keeps what runs.
import asyncio
import time

import app.clock


async def work():
    time.sleep(0.01)
    print("slept", app.clock.fake.sleep(), app.clock.Timer().sleep)


asyncio.run(work())
