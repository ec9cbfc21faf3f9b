# asyncmod-test: --unsafe-fixes
import asyncio

from app.http import fetch


async def fetch_all(urls):
    tasks = [asyncio.create_task(fetch(url)) for url in urls]
    return await asyncio.gather(*tasks)  # noqa: AM005


async def quiet(urls):
    tasks = [asyncio.create_task(fetch(url)) for url in urls]
    await asyncio.wait(tasks)  # noqa
