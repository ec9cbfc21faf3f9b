from .c import h

async def g():
    await h()
