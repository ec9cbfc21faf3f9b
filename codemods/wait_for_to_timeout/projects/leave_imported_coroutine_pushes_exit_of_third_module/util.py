async def swallow(*exc):
    return True
