# asyncmod-test: --unsafe-fixes
from asyncio import CancelledError, sleep


async def retry(job):
    for attempt in range(3):
        try:
            return [await job() for _ in range(1)]  # an await in a list comprehension counts
        except:  # rewrite: the module's own `CancelledError` name is used
            await sleep(attempt)
    raise CancelledError
