import functools
def logged(fn):
    @functools.wraps(fn)
    async def wrapper(*a):
        try:
            return await fn(*a)
        finally:
            print('logged', fn.__name__)
            return True
    return wrapper
