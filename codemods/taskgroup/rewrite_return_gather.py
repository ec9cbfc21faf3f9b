# asyncmod-test: --unsafe-fixes
import asyncio

from app.geo import resolve


async def resolve_all(hosts):
    tasks = []
    for host in hosts:
        tasks.append(asyncio.create_task(resolve(host)))
    return await asyncio.gather(*tasks)  # rewrite


async def resolve_pair(a, b):
    first = asyncio.create_task(resolve(a))
    second = asyncio.create_task(resolve(b))
    return await asyncio.gather(first, second)  # rewrite
