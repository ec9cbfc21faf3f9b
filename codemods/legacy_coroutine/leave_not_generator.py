import asyncio


@asyncio.coroutine
def schedule(loop, job):  # leave, reported: the decorator awaited what it returns
    return loop.run_in_executor(None, job)


@asyncio.coroutine
def noop():  # leave, reported: no yield at all
    pass
