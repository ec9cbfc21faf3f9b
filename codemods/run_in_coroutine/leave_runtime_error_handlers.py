# `asyncio.run` in a coroutine raises RuntimeError, and these programs
# catch it: a fallback, a test that expects it, a handler for every
# exception. The rewrite would make the call work and the handler go
# silent. Reported without a fix.
import asyncio
import warnings

warnings.simplefilter("ignore", RuntimeWarning)  # "coroutine was never awaited"


class raises:
    """What `pytest.raises` does: the block is expected to raise."""

    def __init__(self, kind):
        self.kind = kind

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        print("raised" if kind else "did not raise")
        return kind is not None and issubclass(kind, self.kind)


async def fetch():
    return 5


async def with_fallback():
    try:
        return asyncio.run(fetch())  # leave, reported: `except RuntimeError`
    except RuntimeError:
        return "fallback"


async def any_error():
    try:
        value = asyncio.run(fetch()) + 1  # leave, reported: `except Exception`
    except Exception as error:
        value = type(error).__name__
    return value


async def load():
    return asyncio.run(fetch())  # leave, reported: its caller catches the error


async def cached():
    try:
        return await load()
    except RuntimeError:
        return "cached"


async def test_nested_run_is_refused():
    with raises(RuntimeError):
        asyncio.run(fetch())  # leave, reported: the block expects the error


async def main():
    print(await with_fallback(), await any_error(), await cached())
    await test_nested_run_is_refused()


asyncio.run(main())
