import asyncio
LOG = []

async def flush():
    LOG.append("async flush")

async def work():
    LOG.append("work")
    flush()
