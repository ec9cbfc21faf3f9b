from pkg.b import g

async def f():
    return await g()
