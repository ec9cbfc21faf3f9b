# asyncmod-runtime: compare
# In a `match` pattern a dotted name is a value pattern (compared with
# `==`); a bare name is a capture pattern that matches anything and binds
# it, making the name local to the whole function. `case TimeoutError:`
# would not compare, and a bare name is no mapping key at all: left alone.
# The guard and the class pattern are ordinary uses: rewritten.
import asyncio


def kind(exc_type):
    match exc_type:
        case asyncio.TimeoutError:  # leave: value pattern
            return "timeout"
        case _:
            return "other"


def kind_last(exc_type):
    match exc_type:
        case asyncio.TimeoutError:  # leave: value pattern, no wildcard after
            return "timeout"
    return "other"


def pair(value):
    match value:
        case (asyncio.TimeoutError, msg):  # leave: value pattern in a sequence
            return "timeout " + msg
        case (other, msg):
            return "other " + msg


def keyed(mapping):
    match mapping:
        case {asyncio.exceptions.TimeoutError: reason}:  # leave: mapping key
            return "keyed " + reason
        case {"k": asyncio.TimeoutError | asyncio.CancelledError}:  # leave: values in an or-pattern
            return "dict"
    return "other"


def guarded(value):
    match value:
        case asyncio.TimeoutError(args=(why,)):  # rewrite: class pattern
            return "instance " + why
        case kind_ if kind_ is asyncio.TimeoutError:  # rewrite: guard expression
            return "class"
    return "other"


print(kind(TimeoutError), kind(KeyError))
print(kind_last(TimeoutError), kind_last(KeyError))
print(pair((TimeoutError, "a")), pair((KeyError, "b")))
print(keyed({TimeoutError: "slow"}), keyed({"k": KeyError}), keyed({"k": 1}))
print(guarded(TimeoutError("late")), guarded(TimeoutError), guarded(KeyError))
