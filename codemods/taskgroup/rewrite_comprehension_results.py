# asyncmod-test: --unsafe-fixes
"""Crawler front page: fetch every feed at once."""
import asyncio

from app.http import fetch


async def fetch_all(urls):
    # rewrite: the results are used, so the list stays and is read after the block
    tasks = [asyncio.create_task(fetch(url, timeout=5)) for url in urls]
    pages = await asyncio.gather(*tasks)
    return [page.body for page in pages]


async def annotated(urls):
    tasks = [asyncio.create_task(fetch(url)) for url in urls]  # rewrite
    pages: list[bytes] = await asyncio.gather(*tasks)
    return pages


async def unpacked(primary, fallback):
    tasks = [asyncio.create_task(fetch(url)) for url in (primary, fallback)]  # rewrite
    first, second = await asyncio.gather(*tasks)
    return first or second
