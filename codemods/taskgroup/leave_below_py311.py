# asyncmod-test: --unsafe-fixes --target-version py310
import asyncio

from app.http import fetch


async def fetch_all(urls):
    tasks = [asyncio.create_task(fetch(url)) for url in urls]  # leave: TaskGroup is 3.11+
    return await asyncio.gather(*tasks)
