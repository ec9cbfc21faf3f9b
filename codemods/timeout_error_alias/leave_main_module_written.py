# Running as a script, `import __main__` is this module: `__main__.X = …`
# binds its global `X`, here `TimeoutError`, which then is no builtin.
import __main__
import asyncio

__main__.TimeoutError = KeyError


def classify(error):
    try:
        raise error
    except asyncio.TimeoutError:
        print("timeout")
    except Exception as e:
        print("other", type(e).__name__)


classify(asyncio.TimeoutError())
classify(KeyError())
