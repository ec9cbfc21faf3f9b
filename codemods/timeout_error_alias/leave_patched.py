# A module that replaces one of the names means its replacement:
# `asyncio.TimeoutError` is then not the builtin. Reported without a fix.
import asyncio


class LegacyTimeout(Exception):
    pass


asyncio.TimeoutError = LegacyTimeout


def is_timeout(error):
    return isinstance(error, asyncio.TimeoutError)  # leave, reported: patched


print(is_timeout(LegacyTimeout()), is_timeout(TimeoutError()))
