# asyncmod-test: --unsafe-fixes
import asyncio
import contextlib

from app.http import HTTPError, fetch


async def specific(urls):
    try:
        tasks = [asyncio.create_task(fetch(url)) for url in urls]
        return await asyncio.gather(*tasks)  # leave, reported: `except HTTPError` would stop matching
    except HTTPError:
        return []


async def tuple_of_types(urls):
    try:
        tasks = [asyncio.create_task(fetch(url)) for url in urls]
        pages = await asyncio.gather(*tasks)  # leave, reported
    except (OSError, asyncio.TimeoutError):
        pages = None
    except Exception:
        raise
    return pages


async def outer_try(urls, retry):
    try:
        if retry:
            tasks = [asyncio.create_task(fetch(url)) for url in urls]
            await asyncio.gather(*tasks)  # leave, reported: the `try` is further out
    except ValueError:
        pass


async def star(urls):
    try:
        tasks = [asyncio.create_task(fetch(url)) for url in urls]
        await asyncio.gather(*tasks)  # leave, reported
    except* ValueError:
        pass


async def suppressed(urls):
    with contextlib.suppress(HTTPError):
        tasks = [asyncio.create_task(fetch(url)) for url in urls]
        await asyncio.gather(*tasks)  # leave, reported
