import asyncio
import socket

import aiohttp


async def fetch(session, url):
    try:
        return await session.get(url)
    except aiohttp.ServerTimeoutError:  # leave: aiohttp's own class
        return None
    except socket.timeout:  # leave: not asyncio's (ruff's UP041 covers it)
        return None
    except TimeoutError:  # leave: already the builtin
        return None


asyncio.TimeoutError = TimeoutError  # leave: an assignment to the alias
