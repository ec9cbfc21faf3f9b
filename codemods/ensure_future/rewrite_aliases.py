# asyncmod-test: --unsafe-fixes
import asyncio as aio
from asyncio import ensure_future as spawn

from app.net import fetch


async def warm(urls):
    first = aio.ensure_future(fetch(urls[0]))  # rewrite: keeps the `aio` spelling
    rest = [spawn(fetch(url)) for url in urls[1:]]  # rewrite: the `spawn` import goes
    return [first, *rest]
