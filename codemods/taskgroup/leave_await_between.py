# asyncmod-test: --unsafe-fixes
import asyncio

from app.db import connect
from app.http import fetch


async def awaits_between(urls):
    tasks = [asyncio.create_task(fetch(url)) for url in urls]
    await asyncio.sleep(0)  # leave, reported: a failing task would cancel this halfway
    return await asyncio.gather(*tasks)


async def async_with_between(urls):
    tasks = [asyncio.create_task(fetch(url)) for url in urls]
    async with connect() as db:  # leave, reported
        db.log("started")
    await asyncio.gather(*tasks)


async def returns_between(urls, dry_run):
    tasks = [asyncio.create_task(fetch(url)) for url in urls]
    if dry_run:
        return None  # leave, reported: the tasks would now be waited for
    await asyncio.gather(*tasks)


async def breaks_out(batches):
    for batch in batches:
        tasks = [asyncio.create_task(fetch(url)) for url in batch]
        if len(batch) > 100:
            break  # leave, reported: leaves the loop before the wait
        await asyncio.gather(*tasks)


async def awaits_in_creation(urls, token_source):
    tasks = [asyncio.create_task(fetch(url, await token_source())) for url in urls]
    await asyncio.gather(*tasks)  # leave, reported: the creation itself awaits
