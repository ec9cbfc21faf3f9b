async def g(fn):
    return await fn()
