from pkg.d import k

async def g():
    return await k()
