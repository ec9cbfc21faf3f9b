# asyncmod-test: --unsafe-fixes
"""Thumbnails are made in a worker thread so the loop keeps serving."""
import asyncio

from PIL import Image


def make_thumbnail(path, size):
    with Image.open(path) as image:
        image.thumbnail(size)
        image.save(path + ".thumb.png")


async def thumbnail(path):
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, make_thumbnail, path, (128, 128))  # rewrite
    return path + ".thumb.png"
