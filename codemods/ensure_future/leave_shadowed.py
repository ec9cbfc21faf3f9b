import asyncio
from asyncio import ensure_future

from app import work


async def with_parameter(asyncio):
    asyncio.ensure_future(work())  # leave: `asyncio` is a parameter here


async def both_shadowed(asyncio):
    # leave, reported: `create_task` cannot be spelled while `asyncio` is the parameter
    ensure_future(work())
