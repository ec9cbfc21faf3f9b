# The module's own object given an attribute the code computes binds a
# global of that name: `TimeoutError` may not be the builtin here.
import asyncio
import sys


class LegacyTimeout(Exception):
    pass


def export(name, value):
    setattr(sys.modules[__name__], name, value)


export("TimeoutError", LegacyTimeout)


def classify(exc):
    return isinstance(exc, asyncio.TimeoutError)  # leave


print(classify(asyncio.TimeoutError()), classify(LegacyTimeout()))
