# asyncmod-test: --unsafe-fixes
import asyncio

from app.http import fetch


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


async def continues(batches):
    for batch in batches:
        t1 = asyncio.create_task(fetch(batch[0]))
        t2 = asyncio.create_task(fetch(batch[1]))
        if not batch:
            continue  # leave, reported
        await t1
        await t2
