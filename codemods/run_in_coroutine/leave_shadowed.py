import asyncio

from app.tasks import run


async def dispatch(job, asyncio):
    asyncio.run(job())  # leave: `asyncio` is a parameter here
    run(job())  # leave: `run` is the app's, not asyncio's


class Runner:
    def run(self, job):
        return job


async def method(runner: Runner, job):
    runner.run(job())  # leave
