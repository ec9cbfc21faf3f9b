from asyncio import TimeoutError as AsyncTimeout, sleep
from asyncio import TimeoutError


async def nap(seconds):
    try:
        await sleep(seconds)
    except AsyncTimeout:  # rewrite: the alias becomes the builtin's name
        pass


def classify(error):
    # rewrite: the import above goes; this `TimeoutError` is then the builtin
    return "timeout" if isinstance(error, TimeoutError) else "other"
