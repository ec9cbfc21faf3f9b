# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
# A self-contained program: small stand-ins for aiohttp and httpx are
# registered before the imports, so it runs without either installed.
import asyncio
import sys
import types

_aiohttp = types.ModuleType("aiohttp")
_httpx = types.ModuleType("httpx")


class _Response:
    def __init__(self, url):
        self.url = url
        self.status = 404 if "missing" in url else 200

    async def text(self):
        await asyncio.sleep(0)
        return f"<{self.url}>"


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
        return _Response(self.url)

    async def __aenter__(self):
        return await self._send()

    async def __aexit__(self, *exc):
        return False


class _Timeout:
    def __init__(self, total=None):
        self.total = total


class _Session:
    def __init__(self, timeout=None, headers=None):
        self.timeout = timeout
        self.headers = dict(headers or {})
        self.closed = False

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.closed = True
        return False

    def get(self, url):
        return _Request(self, url)

    def stream(self, method, url):
        return _Request(self, url)


_aiohttp.ClientSession = _Session
_aiohttp.ClientTimeout = _Timeout
_httpx.AsyncClient = _Session
_httpx.Timeout = _Timeout
sys.modules["aiohttp"] = _aiohttp
sys.modules["httpx"] = _httpx

import aiohttp  # noqa: E402
import httpx  # noqa: E402
from aiohttp import ClientSession, ClientTimeout  # noqa: E402

HEADERS = {"user-agent": "demo"}
TIMEOUT = 5


async def fetch_all(urls):
    # rewrite: the guides' own example
    pages = []
    for url in urls:
        async with aiohttp.ClientSession() as session:
            async with session.get(url) as response:
                pages.append(await response.text())
    return pages


async def first_missing(urls):
    # rewrite: break, continue and return inside stay right
    for url in urls:  # in order
        async with ClientSession(
            timeout=ClientTimeout(total=TIMEOUT),
            headers=HEADERS,
        ) as session:  # one per url
            if not url:
                continue
            response = await session.get(url)
            if response.status == 404:
                return url
            if url == "stop":
                break
    return None


async def drain(queue):
    # rewrite: a while loop, httpx
    seen = []
    while queue:
        async with httpx.AsyncClient(timeout=httpx.Timeout(3)) as client:
            async with client.stream("GET", queue.pop()) as response:
                seen.append(await response.text())
    return seen


async def nested(batches):
    # rewrite: twice, out of both loops
    out = []
    for batch in batches:
        for url in batch:
            async with aiohttp.ClientSession() as session:
                out.append((await session.get(url)).url)
    return out


async def failing(urls):
    # rewrite: an error in one iteration still closes the session
    got = []
    try:
        for url in urls:
            async with aiohttp.ClientSession() as session:
                got.append((await session.get(url)).status)
    except ConnectionError as error:
        got.append(f"failed at {error}")
    return got


async def main():
    print(await fetch_all(["a", "b"]))
    print(await first_missing(["", "x", "missing", "y"]))
    print(await first_missing(["stop", "missing"]))
    print(await first_missing([]))
    print(await drain(["q1", "q2"]))
    print(await nested([["n1", "n2"], ["n3"]]))
    print(await failing(["ok", "boom", "never"]))


asyncio.run(main())
