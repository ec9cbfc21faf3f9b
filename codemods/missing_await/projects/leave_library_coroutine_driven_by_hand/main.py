# asyncmod-runtime: compare
# `driver` steps coroutines by hand and accepts only the requests it knows:
# an awaited `asyncio.sleep(0)` would yield it a bare `None`. Left alone.
import warnings

import driver
import jobs

warnings.simplefilter("ignore", RuntimeWarning)
try:
    print(driver.run(jobs.job()))
except Exception as error:
    print("failed:", type(error).__name__, error)
