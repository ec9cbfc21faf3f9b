# asyncmod-test: --unsafe-fixes
"""Receivers not known to be the running loop: the rewrite would run the
function somewhere else without a sound."""
import asyncio
import warnings

warnings.simplefilter("ignore", DeprecationWarning)


class Runner:
    """Not a loop, but it has the loop's method."""

    def __init__(self, pool):
        self.pool = pool

    def run_in_executor(self, executor, func, *args):
        return asyncio.get_running_loop().run_in_executor(executor or self.pool, func, *args)


async def annotated_otherwise(loop: Runner, job):
    # leave, reported: a parameter called `loop` annotated with another type
    return await loop.run_in_executor(None, job)


async def unannotated(loop, job):
    # leave, reported: a parameter may be any object with the method
    return await loop.run_in_executor(None, job)


class Service:
    def __init__(self, pool):
        self._loop = Runner(pool)

    async def get(self, job):
        # leave, reported: an attribute may hold any object with the method
        return await self._loop.run_in_executor(None, job)


DEFAULT_LOOP = asyncio.get_event_loop()


async def module_loop(job):
    # leave, reported: the loop current at import, not the running one
    return await DEFAULT_LOOP.run_in_executor(None, job)


async def fresh_loop(job):
    loop = asyncio.new_event_loop()
    return await loop.run_in_executor(None, job)  # leave, reported: not the running loop
