# asyncmod-test: --unsafe-fixes
from asyncio import TaskGroup, create_task, gather

from app.thumbs import render


async def thumbnails(images):
    tasks = [create_task(render(image)) for image in images]  # rewrite: the imported `TaskGroup`
    return await gather(*tasks)


async def already(images):
    async with TaskGroup() as tg:
        for image in images:
            tg.create_task(render(image))
