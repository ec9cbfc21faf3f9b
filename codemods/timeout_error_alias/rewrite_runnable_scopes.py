# asyncmod-runtime: compare
# One class on 3.11: identity, base classes, `match` class patterns,
# dictionary keys, a comprehension in a class body (which does not see the
# class's own `TimeoutError`). Left alone where `TimeoutError` is bound to
# something else: a class attribute, an enclosing function's local.
import asyncio


class SlowServer(asyncio.TimeoutError):  # rewrite
    pass


class Errors:
    TimeoutError = KeyError
    kinds = (asyncio.TimeoutError, ValueError)  # leave: the class's own name
    inner = [asyncio.TimeoutError for _ in range(1)]  # rewrite


def outer():
    TimeoutError = KeyError

    def inner(error):
        return isinstance(error, asyncio.TimeoutError)  # leave: the enclosing local

    return inner


def kind(error):
    match error:
        case asyncio.TimeoutError():  # rewrite
            return "timeout"
    return "other"


async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.001)
    except asyncio.TimeoutError as error:  # rewrite
        print(type(error) is asyncio.TimeoutError, type(error) is TimeoutError)  # rewrite


print(kind(SlowServer()), Errors.kinds[0].__name__, Errors.inner[0].__name__)
print(outer()(asyncio.TimeoutError()), {asyncio.TimeoutError: 1}[TimeoutError])  # rewrite
asyncio.run(main())
