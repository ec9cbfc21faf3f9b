import pkg.a
from pkg.c import h

async def g(n):
    await pkg.a.f(n)
    return await h()
