"""Compatibility names other modules import from here."""
from asyncio import TimeoutError

__all__ = ["TimeoutError", "is_timeout"]


def is_timeout(error):
    # leave, reported: the import is listed in `__all__`
    return isinstance(error, TimeoutError)
