"""Works on old and new Pythons alike."""
try:
    from asyncio import TimeoutError
except ImportError:  # pragma: no cover
    TimeoutError = OSError


def is_timeout(error):
    # leave: `TimeoutError` is bound two ways, so the import is not redundant
    return isinstance(error, TimeoutError)
