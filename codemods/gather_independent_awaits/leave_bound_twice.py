# asyncmod-test: --unsafe-fixes
import asyncio

from app.api import fetch_page


async def two_pages(cursor_a, cursor_b):
    page = await fetch_page(cursor_a)
    page = await fetch_page(cursor_b)  # leave: `page` is bound twice
    return page


async def tuple_then_name(a, b):
    items, token = await fetch_page(a)
    token = await fetch_page(b)  # leave: `token` is bound twice
    return items, token
