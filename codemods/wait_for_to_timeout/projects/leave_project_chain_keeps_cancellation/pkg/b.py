import asyncio
from pkg.c import h

async def g():
    await h()
