import asyncio

from app.http import fetch


async def crawl(urls, pages):
    # leave, reported: `fetch` is imported, so it may return a future
    await asyncio.wait([fetch(url) for url in urls])
    # rewrite: the element of each comprehension of the module's coroutines,
    # over a list the function built (iterating it runs no code)
    batch = list(pages)
    await asyncio.wait({store(page) for page in batch if page})
    # rewrite: a generator becomes a list (`wait` took it for a coroutine)
    await asyncio.wait(
        (index(page) for page in batch),
        return_when=asyncio.FIRST_EXCEPTION,
    )


async def store(page):
    return page


async def index(page):
    return page
