async def run_safely(fn, *args):
    try:
        return await fn(*args)
    except Exception as e:
        print("job failed:", type(e).__name__)
        return None
