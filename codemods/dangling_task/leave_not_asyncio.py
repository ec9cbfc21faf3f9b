# asyncmod-test: --unsafe-fixes
import asyncio

from app.scheduler import create_task


async def ours():
    create_task(job())  # leave: not asyncio's create_task


async def shadowed(asyncio):
    asyncio.create_task(job())  # leave: `asyncio` is the parameter


async def job():
    pass
