# A call on what the session's request returned (`r.text()`), not awaited
# at once, whose coroutine leaves its statement: the rewrite closed the
# session before the coroutine ran ("read after close"). Each function is a
# program that made the rewrite change what it does; all are reported
# without a fix now.
import asyncio

import aiohttp


async def into_a_task(url):
    # leave: the task reads the body after `print`
    session = aiohttp.ClientSession()
    r = await session.get(url)
    task = asyncio.create_task(r.text())
    print("status", r.status)
    return await task


async def into_a_list(url):
    # leave: the list's coroutine is awaited by `gather` later
    session = aiohttp.ClientSession()
    r = await session.get(url)
    jobs = [r.text()]
    print("status", r.status)
    return await asyncio.gather(*jobs)


async def into_wait_for(url):
    # leave: `wait_for` returns a coroutine awaited later
    session = aiohttp.ClientSession()
    r = await session.get(url)
    waiter = asyncio.wait_for(r.text(), 5)
    print("status", r.status)
    return await waiter


async def into_ensure_future(url):
    # leave: a future scheduled now, awaited after a sleep
    session = aiohttp.ClientSession()
    r = await session.get(url)
    t = asyncio.ensure_future(r.text())
    print("status", r.status)
    await asyncio.sleep(0)
    return await t


async def a_chain_into_a_task(url):
    # leave: the stream's read runs in a task
    session = aiohttp.ClientSession()
    r = await session.get(url)
    t = asyncio.create_task(r.content.read())
    return await t


async def given_to_a_helper(url, keep):
    # leave: the helper may keep the coroutine
    session = aiohttp.ClientSession()
    r = await session.get(url)
    keep(r.json())
    print(r.status)


async def a_bound_method_in_a_list(url):
    # leave: the bound method is called after the block would end
    session = aiohttp.ClientSession()
    r = await session.get(url)
    later = [r.text][0]
    print(r.status)
    return await later()
