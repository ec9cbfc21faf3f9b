# Programs that made the rewrite change what they do: each is left alone.
import asyncio

import aiohttp

HEADERS = {"token": "0"}


def rotate(n):
    HEADERS["token"] = str(n)


async def global_headers_rotated(urls):
    # leave: another function fills the dict the session copies when made
    for url in urls:
        async with aiohttp.ClientSession(headers=HEADERS) as session:
            r = await session.get(url)
            print(await r.text())
            rotate(len(url))


class Auth:
    def __init__(self):
        self.headers = {"token": "0"}

    def refresh(self):
        self.headers["token"] += "1"


async def alias_refreshed(urls):
    # leave: an alias of a dict a method changes
    auth = Auth()
    h = auth.headers
    for url in urls:
        async with aiohttp.ClientSession(headers=h) as session:
            r = await session.get(url)
            print(await r.text())
            auth.refresh()


async def previous_response(urls):
    # leave: the previous iteration's response, whose session was closed
    prev = None
    for url in urls:
        async with aiohttp.ClientSession() as session:
            if prev is not None:
                try:
                    print(await prev.text())
                except RuntimeError as e:
                    print("error", e)
            prev = await session.get(url)


async def parameter_headers(urls, headers):
    # leave: a parameter may be a dict the caller changes meanwhile
    for url in urls:
        async with aiohttp.ClientSession(headers=headers) as session:
            await session.get(url)


async def constant_headers(urls):
    # leave: a module constant bound once and used only by sessions is fine,
    # but here the body reads it too
    for url in urls:
        async with aiohttp.ClientSession(headers=HEADERS) as session:
            await session.get(url, headers=HEADERS)
