"""Fetching with retries on slow peers."""
import asyncio
import concurrent.futures
import logging

log = logging.getLogger(__name__)


async def fetch(client, url):
    try:
        return await client.get(url)
    except (asyncio.TimeoutError, TimeoutError):  # rewrite: collapses to one name
        return None


async def fetch_all(client, urls):
    try:
        return [await client.get(url) for url in urls]
    # rewrite: the second alias is a duplicate once both are the builtin
    except (ConnectionError, asyncio.TimeoutError, concurrent.futures.TimeoutError) as exc:
        raise RuntimeError("fetch failed") from exc


async def fetch_laid_out(client, url):
    try:
        return await client.get(url)
    except (
        ConnectionError,
        TimeoutError,
        asyncio.TimeoutError,  # rewrite: the comment keeps the layout and the duplicate
    ):
        return None
