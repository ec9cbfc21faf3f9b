# asyncmod-runtime: compare
# A class pattern (`case asyncio.TimeoutError():`) takes a bare name as well
# as a dotted one: rewritten. A value pattern in the same `match` stays
# dotted, so `TimeoutError` does not become a local capture of the function
# (which would make the class pattern above it read an unbound local).
import asyncio


def kind(e):
    match e:
        case asyncio.TimeoutError() | KeyError():  # rewrite
            return "t-or-k"
        case {"k": asyncio.TimeoutError}:  # leave: value pattern
            return "dict with timeout class"
        case asyncio.TimeoutError(args=(reason,)):  # rewrite
            return "never reached " + reason
    return "other"


print(kind(TimeoutError()), kind({"k": TimeoutError}), kind({"k": 1}), kind(1))
