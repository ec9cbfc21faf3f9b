import functools


def log_errors(fn):
    @functools.wraps(fn)
    async def wrapper(*args):
        try:
            return await fn(*args)
        except Exception as e:
            print(fn.__name__, "failed:", type(e).__name__)
            return None

    return wrapper
