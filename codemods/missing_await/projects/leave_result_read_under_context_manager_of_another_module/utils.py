import contextlib


@contextlib.contextmanager
def log_errors(what):
    try:
        yield
    except Exception as e:
        print(what, "failed:", type(e).__name__)
