# asyncmod-test: --unsafe-fixes
import asyncio


class Runner:
    def __init__(self, pool):
        self.pool = pool

    def run_in_executor(self, executor, func, *args):
        return asyncio.get_running_loop().run_in_executor(executor or self.pool, func, *args)


async def run(runner: Runner, job):
    # leave, reported: `runner` is not known to be the event loop
    return await runner.run_in_executor(None, job)


async def fresh_loop(job):
    loop = asyncio.new_event_loop()
    return await loop.run_in_executor(None, job)  # leave, reported: not the running loop
