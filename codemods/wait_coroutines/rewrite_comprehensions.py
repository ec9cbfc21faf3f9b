import asyncio


async def crawl(session, urls, pages):
    # rewrite: the element of each comprehension
    await asyncio.wait([session.get(url) for url in urls])
    await asyncio.wait({store(page) for page in pages if page})
    await asyncio.wait(
        (index(page) for page in pages),
        return_when=asyncio.FIRST_EXCEPTION,
    )


async def store(page):
    return page


async def index(page):
    return page
