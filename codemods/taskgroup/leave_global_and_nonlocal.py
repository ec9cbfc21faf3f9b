# asyncmod-test: --unsafe-fixes
import asyncio

from app.http import fetch

tasks = []


async def global_list(urls):
    global tasks
    tasks = [asyncio.create_task(fetch(url)) for url in urls]  # leave: other code sees the list
    await asyncio.gather(*tasks)


async def nonlocal_list(urls):
    pending = []

    async def start():
        nonlocal pending
        pending = [asyncio.create_task(fetch(url)) for url in urls]  # leave: it belongs to the outer function
        await asyncio.gather(*pending)

    await start()
    return pending
