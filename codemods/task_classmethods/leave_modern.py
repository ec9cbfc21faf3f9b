import asyncio


async def modern():
    # leave: already the module functions
    me = asyncio.current_task()
    return [t for t in asyncio.all_tasks() if t is not me]
