import asyncio

import aiohttp
from sqlalchemy.ext.asyncio import AsyncSession


async def per_user(users):
    # leave: the headers depend on the loop
    for user in users:
        async with aiohttp.ClientSession(headers={"x-user": user}) as session:
            await session.get("/me")


async def fresh_token(urls):
    # leave: a call in the arguments may give another value each time
    for url in urls:
        async with aiohttp.ClientSession(headers=make_headers()) as session:
            await session.get(url)


async def changes_headers(urls, headers):
    # leave: the body changes what the arguments read
    for url in urls:
        async with aiohttp.ClientSession(headers=headers) as session:
            headers["n"] = url
            await session.get(url)


async def session_state(urls):
    # leave: the session's own state would carry over
    for url in urls:
        async with aiohttp.ClientSession() as session:
            session.cookie_jar.clear()
            await session.get(url)


async def background(urls):
    # leave: a request not awaited at once
    tasks = []
    for url in urls:
        async with aiohttp.ClientSession() as session:
            tasks.append(asyncio.ensure_future(session.get(url)))
    return tasks


async def passed_on(urls):
    # leave: a helper may do anything with it
    for url in urls:
        async with aiohttp.ClientSession() as session:
            await fetch(session, url)


async def used_after(urls):
    # leave: read after the loop
    for url in urls:
        async with aiohttp.ClientSession() as session:
            await session.get(url)
    return session


async def closure(urls):
    # leave: a nested function reads the session
    for url in urls:
        async with aiohttp.ClientSession() as session:
            def later():
                return session.get(url)

            await later()


async def with_else(urls):
    # leave: the loop has an else clause
    for url in urls:
        async with aiohttp.ClientSession() as session:
            await session.get(url)
    else:
        print("all done")


async def more_than_the_session(urls):
    # leave: the body does more than open the session
    for url in urls:
        print(url)
        async with aiohttp.ClientSession() as session:
            await session.get(url)


async def transactions(engine, rows):
    # leave: one AsyncSession per row is one transaction per row
    for row in rows:
        async with AsyncSession(engine) as session:
            session.add(row)
            await session.commit()


async def already_hoisted(urls):
    # leave: one session already
    async with aiohttp.ClientSession() as session:
        for url in urls:
            await session.get(url)


async def fetch(session, url):
    return await session.get(url)


def make_headers():
    return {}
