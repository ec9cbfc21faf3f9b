import asyncio
from asyncio import wait_for

from browser import wait_for as wait_for_page


async def local_names(wait_for, job):
    await wait_for(job(), 1)  # leave: a parameter, not asyncio.wait_for


async def other_library(page):
    await wait_for_page(page.ready(), 1)  # leave: not asyncio's wait_for


async def shadowed_module(asyncio, job):
    await asyncio.wait_for(job(), 1)  # leave: `asyncio` is a parameter here
