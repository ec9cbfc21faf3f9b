# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
# A self-contained program: small stand-ins for aiohttp and httpx are
# registered before the imports. A response's body can be read only while
# its session is open, as with aiohttp.
import asyncio
import sys
import types

_aiohttp = types.ModuleType("aiohttp")
_httpx = types.ModuleType("httpx")
OPEN = []


class _Stream:
    def __init__(self, session, url):
        self.session = session
        self.url = url

    async def read(self):
        if self.session.closed:
            raise RuntimeError("Connection closed")
        await asyncio.sleep(0)
        return self.url.encode()


class _Response:
    def __init__(self, session, url):
        self.session = session
        self.status = 404 if "missing" in url else 200
        self.content = _Stream(session, url)

    async def text(self):
        return (await self.content.read()).decode()


class _Request:
    def __init__(self, session, url):
        self.session = session
        self.url = url

    def __await__(self):
        return self._send().__await__()

    async def _send(self):
        if self.session.closed:
            raise RuntimeError("Session is closed")
        await asyncio.sleep(0)
        if "boom" in self.url:
            raise ConnectionError(self.url)
        return _Response(self.session, self.url)

    async def __aenter__(self):
        return await self._send()

    async def __aexit__(self, *exc):
        return False


class _Session:
    def __init__(self, timeout=None):
        self.closed = False
        OPEN.append(self)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.close()

    async def close(self):
        self.closed = True
        OPEN.remove(self)

    def get(self, url):
        return _Request(self, url)

    post = get


_aiohttp.ClientSession = _Session
_httpx.AsyncClient = _Session
sys.modules["aiohttp"] = _aiohttp
sys.modules["httpx"] = _httpx

import aiohttp  # noqa: E402
import httpx  # noqa: E402


async def fetch(url):
    # rewrite: the guides' own example
    session = aiohttp.ClientSession()
    response = await session.get(url)
    return await response.text()


async def status_then_body(url):
    # rewrite: the block reaches the last read of the response
    session = aiohttp.ClientSession()
    response = await session.get(url)
    print("status", response.status)
    stream = response.content
    body = await stream.read()
    return len(body)


async def with_request(url):
    # rewrite: a request opened with async with, a comment kept
    client = httpx.AsyncClient(
        timeout=5,
    )  # one client
    # fetch once
    async with client.get(url) as response:
        if response.status == 404:
            return None
        data = await response.text()
    return data.upper()


async def failing(url):
    # rewrite: an error inside now closes the session too
    session = aiohttp.ClientSession()
    response = await session.get(url)
    print(response.status)


async def per_item(urls):
    # rewrite: one session per iteration, closed each time
    out = []
    for url in urls:
        session = aiohttp.ClientSession()
        response = await session.get(url)
        out.append(await response.text())
    return out


async def status_only(url):
    # rewrite: a response whose body is never read is released
    async with aiohttp.ClientSession() as session:
        response = await session.post(url)
        ok = response.status == 200
        print("status", response.status)
    return ok


async def main():
    print(await fetch("a"))
    print(await status_then_body("bb"))
    print(await with_request("c"), await with_request("missing"))
    try:
        await failing("boom")
    except ConnectionError as error:
        print("failed", error)
    print(await per_item(["d", "e"]))
    print(await status_only("f"), await status_only("missing"))


asyncio.run(main())
