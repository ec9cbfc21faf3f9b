from pkg.c import h

async def k():
    return await h()
