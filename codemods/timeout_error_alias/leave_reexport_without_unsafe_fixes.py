# `from asyncio import TimeoutError` already reads as the builtin; removing
# the import is all the fix would do, and another module may import
# `TimeoutError` from this one (`from pkg.errors import TimeoutError`), which
# would then fail. Unsafe: left alone without --unsafe-fixes.
from asyncio import TimeoutError  # leave: unsafe


def is_timeout(error):
    return isinstance(error, TimeoutError)
