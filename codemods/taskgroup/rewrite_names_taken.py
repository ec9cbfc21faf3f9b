# asyncmod-test: --unsafe-fixes
from asyncio import create_task, gather

from app.api import fetch


async def tg_is_taken(urls, tg):
    tasks = [create_task(fetch(url, tg)) for url in urls]  # rewrite: the group is `tg2`
    results = await gather(*tasks)
    t = len(results)  # `t` is taken too: the comprehension uses `t2`
    return results, t


async def imports_go(urls):
    tasks = [create_task(fetch(url)) for url in urls]  # rewrite: `from asyncio import ...` goes
    return await gather(*tasks)
