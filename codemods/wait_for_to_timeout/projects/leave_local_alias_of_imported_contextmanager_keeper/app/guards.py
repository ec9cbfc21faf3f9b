import asyncio
from contextlib import contextmanager
@contextmanager
def _guard():
    try:
        yield
    except asyncio.CancelledError:
        print("guard: cancelled, keeping it")
guard = _guard
