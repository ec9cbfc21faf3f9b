# asyncmod-runtime: compare
# `import asyncio` also loads `concurrent.futures`, which the module then
# reaches through `import concurrent` alone: the alias is rewritten, the
# import stays.
import asyncio
import concurrent


def classify(error):
    try:
        raise error
    except asyncio.TimeoutError:
        return "timeout"
    except Exception:
        return "other"


print(classify(TimeoutError()), concurrent.futures.ThreadPoolExecutor.__name__)
