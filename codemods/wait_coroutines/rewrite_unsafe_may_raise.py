# asyncmod-test: --unsafe-fixes
import asyncio


async def job(x):
    return x


async def sweep(hosts, mode, pages):
    # rewrite, unsafe: if `hosts[1]` raises, the first task has started
    # already and runs on; before, no coroutine ran
    await asyncio.wait([job(hosts[0]), job(hosts[1])])
    # rewrite, unsafe: `wait` checks `return_when` after the tasks exist
    await asyncio.wait([job(1)], return_when=mode)
    # rewrite, unsafe: the condition may raise in a later iteration
    await asyncio.wait([job(page) for page in pages if page.ready()])
