import pkg.b

async def f(n=1):
    if n:
        return await pkg.b.g(n - 1)
    return 0
