import asyncio

from app.http import fetch


async def crawl(urls, pages):
    # leave without --unsafe-fixes: `fetch` is imported, so it may return a future
    await asyncio.wait([fetch(url) for url in urls])
    # rewrite: the element of each comprehension of the module's coroutines
    await asyncio.wait({store(page) for page in pages if page})
    await asyncio.wait(
        (index(page) for page in pages),
        return_when=asyncio.FIRST_EXCEPTION,
    )


async def store(page):
    return page


async def index(page):
    return page
