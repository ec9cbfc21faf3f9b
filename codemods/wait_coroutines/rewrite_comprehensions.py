import asyncio

from app.http import fetch


async def crawl(urls, pages):
    # rewrite: the element of each comprehension
    await asyncio.wait([fetch(url) for url in urls])
    await asyncio.wait({store(page) for page in pages if page})
    await asyncio.wait(
        (index(page) for page in pages),
        return_when=asyncio.FIRST_EXCEPTION,
    )


async def store(page):
    return page


async def index(page):
    return page
