# asyncmod-test: --unsafe-fixes
import asyncio

from app.http import fetch


async def best_effort(urls):
    tasks = [asyncio.create_task(fetch(url)) for url in urls]
    # leave: failures are values here; a TaskGroup would raise instead
    results = await asyncio.gather(*tasks, return_exceptions=True)
    return [r for r in results if not isinstance(r, Exception)]


async def named(a, b):
    first = asyncio.create_task(fetch(a))
    second = asyncio.create_task(fetch(b))
    return await asyncio.gather(first, second, return_exceptions=True)  # leave
