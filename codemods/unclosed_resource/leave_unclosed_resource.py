# Resources that are closed, handed over, or whose block cannot be drawn
# safely. Several are programs that made the rewrite change what they do.
import asyncio

import aiohttp
import httpx


async def closed_by_hand(url):
    # leave: closed in a finally (no finding)
    session = aiohttp.ClientSession()
    try:
        return await (await session.get(url)).text()
    finally:
        await session.close()


async def factory():
    # leave: the caller owns it (no finding)
    session = aiohttp.ClientSession()
    return session


async def stored(self):
    # leave: the instance owns it (no finding)
    client = httpx.AsyncClient()
    self.client = client


async def already(url):
    # leave: already in async with (no finding)
    async with aiohttp.ClientSession() as session:
        return await (await session.get(url)).text()


async def returned_response(url):
    # leave: the response is read by the caller, after the block would end
    session = aiohttp.ClientSession()
    return await session.get(url)


async def returned_response_by_name(url):
    # leave: the same, through a variable
    session = aiohttp.ClientSession()
    response = await session.get(url)
    return response


async def stream_stored(holder, url):
    # leave: the body's stream is kept by another object
    session = aiohttp.ClientSession()
    response = await session.get(url)
    holder.stream = response.content
    print(response.status)


async def previous_response(urls):
    # leave: a response read in the next iteration
    prev = None
    for url in urls:
        if prev is not None:
            print(await prev.text())
        session = aiohttp.ClientSession()
        prev = await session.get(url)


async def background(url):
    # leave: a task still uses the session after this returns
    session = aiohttp.ClientSession()
    task = asyncio.ensure_future(later(session))
    response = await session.get(url)
    print(response.status)
    return task


async def closure(url):
    # leave: a nested function uses the session later
    session = aiohttp.ClientSession()
    print((await session.get(url)).status)

    async def again():
        return await session.get(url)

    return again


async def in_handler(url):
    # leave: a handler around the creation uses the session
    try:
        session = aiohttp.ClientSession()
        await session.get(url)
    except OSError:
        await session.get("retry")


async def pages(urls):
    # leave: the block would stay open across a yield
    session = aiohttp.ClientSession()
    for url in urls:
        response = await session.get(url)
        yield response.status


async def gathered(urls):
    # leave: the responses leave in a list
    session = aiohttp.ClientSession()
    return await asyncio.gather(*(session.get(u) for u in urls))


async def attribute(url):
    # leave: the session's own state is read
    session = aiohttp.ClientSession()
    await session.get(url)
    return session.closed


async def later(session):
    return await session.get("later")


async def given_to_a_client(url):
    # leave: the object being made keeps the session (no finding)
    session = aiohttp.ClientSession()
    api = ApiClient(session=session)
    return await api.fetch(url)


class ApiClient:
    def __init__(self, session):
        self.session = session

    async def fetch(self, url):
        return await self.session.get(url)
