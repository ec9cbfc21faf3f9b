from contextlib import contextmanager
@contextmanager
def _guard():
    print("guard: in")
    try:
        yield
    finally:
        print("guard: out")
guard = _guard
