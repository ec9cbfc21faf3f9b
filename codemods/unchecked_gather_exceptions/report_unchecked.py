import asyncio
from asyncio import gather


async def fetch(url):
    await asyncio.sleep(0)
    return url.upper()


async def fetch_all(urls):
    # report: every element is read as a page
    pages = await asyncio.gather(*(fetch(u) for u in urls), return_exceptions=True)
    return [page.strip() for page in pages]


async def fetch_pair(a, b):
    # report: the caller gets exceptions as results
    return await gather(fetch(a), fetch(b), return_exceptions=True)


async def first_two(a, b):
    # report: unpacked and used
    left, right = await asyncio.gather(fetch(a), fetch(b), return_exceptions=True)
    return left + right


async def save_all(db, urls):
    # report: iterated straight from the await
    for page in await asyncio.gather(*map(fetch, urls), return_exceptions=True):
        print(page.upper())


async def by_url(urls):
    # report: a builtin that reads the elements
    pages = await asyncio.gather(*map(fetch, urls), return_exceptions=True)
    return dict(zip(urls, pages))

