import asyncio
import registry

async def inner():
    asyncio.get_running_loop()
    return 5

async def job():
    return asyncio.run(inner())

registry.HANDLERS.append(job)
