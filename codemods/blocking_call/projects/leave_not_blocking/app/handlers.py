import asyncio
import functools

from service import http
from service.aio import fetch
from service.http import cached, even, in_background, later, pages
from service.models import Base, Lazy


def wrap(function):
    return function


async def in_threads(urls, loop):
    await asyncio.to_thread(http.fetch, urls[0])
    await loop.run_in_executor(None, http.fetch, urls[0])
    await loop.run_in_executor(None, functools.partial(http.fetch, urls[0]))
    await asyncio.to_thread(lambda: http.fetch(urls[0]))
    in_background(urls[0])
    later(urls[0])


async def same_name(url):
    return await fetch(url)


async def rebound(url):
    local = wrap(http.fetch)
    return local(url)


async def not_blocking(base: Base, lazy: Lazy):
    even(4)
    pages([])
    cached("x")
    base.load()  # a subclass overrides it: not known
    lazy.load()
    http.swapped("x")


def sync_caller(url):
    return http.fetch(url)


async def nested(url):
    def inner():
        return http.fetch(url)

    return inner
