import asyncio

from app.http import fetch


async def fetch_all(urls):
    tasks = [asyncio.create_task(fetch(url)) for url in urls]
    return await asyncio.gather(*tasks)  # leave: reported, but unsafe fixes are off
