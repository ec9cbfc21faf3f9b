# asyncmod-test: --unsafe-fixes
import asyncio

from app.http import fetch


async def one_line(urls):
    tasks = [asyncio.create_task(fetch(u)) for u in urls]; await asyncio.gather(*tasks)  # leave, reported


async def one_line_block(urls, go):
    if go: tasks = [asyncio.create_task(fetch(u)) for u in urls]; await asyncio.gather(*tasks)  # leave, reported
