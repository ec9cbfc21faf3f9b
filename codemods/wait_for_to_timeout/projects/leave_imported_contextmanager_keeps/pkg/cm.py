import asyncio, contextlib

@contextlib.contextmanager
def quiet():
    try:
        yield
    except asyncio.CancelledError:
        print("quiet swallowed")
