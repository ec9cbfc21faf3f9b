import asyncio
LOG = []
async def flush():
    await asyncio.sleep(0)
    LOG.append("async flush")
async def work():
    LOG.append("work")
    flush()
