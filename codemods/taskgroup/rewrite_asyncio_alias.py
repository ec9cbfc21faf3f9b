# asyncmod-test: --unsafe-fixes
import asyncio as aio

from app.thumbs import render


async def thumbnails(images):
    tasks = [aio.create_task(render(image, size=128)) for image in images]  # rewrite: `aio.TaskGroup`
    return await aio.gather(*tasks)
