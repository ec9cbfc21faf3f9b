# asyncmod-runtime: compare
# `import asyncio` is used only for the alias, but a string annotation and
# `typing.get_type_hints` still need it: it stays.
import asyncio
import concurrent.futures  # noqa: F401 (kept for its noqa)
import typing


def classify(error: BaseException) -> "asyncio.Future[str]":
    if isinstance(error, asyncio.TimeoutError):  # rewrite
        return "timeout"
    if isinstance(error, concurrent.futures.TimeoutError):  # rewrite
        return "timeout too"
    return "other"


print(classify(TimeoutError()), classify(ValueError()))
print(typing.get_type_hints(classify)["return"])
