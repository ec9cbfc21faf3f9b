async def run_safely(fn):
    try:
        return await fn()
    except KeyError:
        return 1
