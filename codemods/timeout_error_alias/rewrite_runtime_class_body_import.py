# asyncmod-runtime: compare
# An import in a class body is an attribute of the class: it stays, even
# when nothing in the module reads the name.
import asyncio


class Errors:
    from asyncio import TimeoutError


def classify(error):
    try:
        raise error
    except asyncio.TimeoutError:
        return "timeout"


print(classify(Errors.TimeoutError()), Errors.TimeoutError.__name__)
