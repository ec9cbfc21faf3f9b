# asyncmod-test: --unsafe-fixes
import asyncio

from app.cache import warm


async def warm_everything(regions, keys):
    # rewrite: nothing reads the results, so the list goes and a loop remains
    tasks = [asyncio.create_task(warm(r, k)) for r in regions if r.enabled for k in keys if k]
    await asyncio.gather(*tasks)


async def results_unused(keys):
    tasks = [asyncio.create_task(warm(None, key)) for key in keys]  # rewrite
    done = await asyncio.gather(*tasks)  # nobody reads `done`


async def loop_variable_used_elsewhere(keys):
    key = "default"
    tasks = [asyncio.create_task(warm(None, key)) for key in keys]  # rewrite: keeps the comprehension
    await asyncio.gather(*tasks)
    return key  # a `for key in keys` loop would have changed this


async def parenthesised_pieces(pairs):
    tasks = [asyncio.create_task(warm(a, b)) for (a, b) in (p for p in pairs) if (c := a)]  # rewrite
    await asyncio.gather(*tasks)
