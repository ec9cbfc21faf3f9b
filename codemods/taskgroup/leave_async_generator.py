# asyncmod-test: --unsafe-fixes
import asyncio

from app.http import fetch


async def progress(urls):
    tasks = [asyncio.create_task(fetch(url)) for url in urls]
    yield len(urls)  # leave, reported: suspends between the creation and the wait
    pages = await asyncio.gather(*tasks)
    yield pages
