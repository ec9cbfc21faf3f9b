# `time.sleep` raises on a bad duration (ValueError for a negative one or
# NaN, TypeError for a Fraction, OverflowError for a huge one) where
# `asyncio.sleep` does not; a handler around the sleep would stop seeing it.
# A cancellation handler would now see a cancellation at the sleep. Unsafe.
import asyncio
import contextlib
import time
from fractions import Fraction

Invalid = ValueError
ERRORS = (KeyError, ValueError)


class raises:
    """What `pytest.raises` does: the block is expected to raise."""

    def __init__(self, kind):
        self.kind = kind

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        print("raised" if kind else "did not raise")
        return kind is not None and issubclass(kind, self.kind)


async def value_error(delay):
    try:
        time.sleep(delay)  # leave: `except ValueError`
        print("slept")
    except ValueError:
        print("bad delay")


async def any_exception(delay):
    try:
        time.sleep(delay)  # leave: `except Exception`
        print("slept")
    except Exception as error:
        print("failed:", type(error).__name__)


async def type_error(delay):
    try:
        time.sleep(delay)  # leave: `except TypeError`
        print("slept")
    except TypeError:
        print("not a duration")


async def overflow(delay):
    try:
        time.sleep(delay)  # leave: `except OverflowError`
        print("slept")
    except OverflowError:
        print("too long")


async def bare(delay):
    try:
        time.sleep(delay)  # leave: bare `except:`
        print("slept")
    except:  # noqa: E722
        print("failed")


async def in_tuple(delay):
    try:
        time.sleep(delay)  # leave: a tuple naming ValueError
        print("slept")
    except (KeyError, ValueError):
        print("failed")


async def through_alias(delay):
    try:
        time.sleep(delay)  # leave: an alias of ValueError
        print("slept")
    except Invalid:
        print("failed")


async def through_variable(delay):
    try:
        time.sleep(delay)  # leave: a variable, whatever it holds
        print("slept")
    except ERRORS:
        print("failed")


async def expected(delay):
    with raises(ValueError):
        time.sleep(delay)  # leave: a block that expects an exception


async def suppressed(delay):
    with contextlib.suppress(ValueError):
        time.sleep(delay)  # leave: `suppress(ValueError)`
        print("slept")


async def cancellation_handler():
    try:
        time.sleep(0.05)  # leave: the handler would now see a cancellation here
    except asyncio.CancelledError:
        print("cancelled at the sleep")
        return
    await asyncio.sleep(0)


async def main():
    await value_error(-1)
    await any_exception(float("nan"))
    await type_error(Fraction(1, 100))
    await overflow(1e300)
    await bare(-5)
    await in_tuple(-5)
    await through_alias(-5)
    await through_variable(-5)
    await expected(-2)
    await suppressed(-1)
    try:
        await asyncio.wait_for(cancellation_handler(), 0.01)
        print("finished")
    except TimeoutError:
        print("timed out")


asyncio.run(main())
