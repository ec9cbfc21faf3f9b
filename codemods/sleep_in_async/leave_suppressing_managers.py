# `time.sleep` raises ValueError on a negative duration where
# `asyncio.sleep` returns at once; a context manager that may suppress the
# exception would let the rest of its block run where it was skipped. Each
# manager here may suppress (or this module cannot tell it does not), so
# the rewrite is unsafe: left alone without --unsafe-fixes.
import asyncio
import contextlib
import time
from contextlib import contextmanager, suppress as ignoring


class swallow:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if exc[0] is not None:
            print("swallowed", exc[0].__name__)
        return True


class quietly(swallow):
    """Inherits the exit that swallows."""


class only_value_errors:
    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        return kind is ValueError


class aswallow:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return True


@contextmanager
def tolerant():
    try:
        yield
    except ValueError as error:
        print("tolerated", error)


guard = swallow()


async def aliased_suppress(d):
    with ignoring(ValueError):
        time.sleep(d)  # leave: `suppress` under another name
        print("after sleep")
    print("done")


async def exit_returns_true(d):
    with swallow():
        time.sleep(d)  # leave: `__exit__` returns True
        print("after sleep")
    print("done")


async def exit_stack(d):
    with contextlib.ExitStack() as stack:
        stack.enter_context(contextlib.suppress(ValueError))
        time.sleep(d)  # leave: the stack holds a suppress
        print("after sleep")
    print("done")


async def inherited_exit(d):
    with quietly():
        time.sleep(d)  # leave: a base's `__exit__` returns True
        print("after sleep")
    print("done")


async def exit_returns_expression(d):
    with only_value_errors():
        time.sleep(d)  # leave: `__exit__` returns a comparison
        print("after sleep")
    print("done")


async def async_exit(d):
    async with aswallow():
        time.sleep(d)  # leave: `__aexit__` returns True
        print("after sleep")
    print("done")


async def generator_manager(d):
    with tolerant():
        time.sleep(d)  # leave: the generator catches around its `yield`
        print("after sleep")
    print("done")


async def held_in_a_variable(d):
    with guard:
        time.sleep(d)  # leave: the variable holds a swallowing manager
        print("after sleep")
    print("done")


async def outer_block(d):
    with swallow():
        with open(__file__) as source:
            source.read(1)
            time.sleep(d)  # leave: the outer `with` swallows
            print("after sleep")
    print("done")


async def second_item(d):
    with open(__file__) as source, swallow():
        source.read(1)
        time.sleep(d)  # leave: the second item swallows
        print("after sleep")
    print("done")


class Service:
    def __init__(self):
        self.guard = swallow()

    async def run(self, d):
        with self.guard:
            time.sleep(d)  # leave: the attribute holds a swallowing manager
            print("after sleep")
        print("done")


async def main():
    for job in (
        aliased_suppress,
        exit_returns_true,
        exit_stack,
        inherited_exit,
        exit_returns_expression,
        async_exit,
        generator_manager,
        held_in_a_variable,
        outer_block,
        second_item,
        Service().run,
    ):
        print(job.__name__)
        await job(-1)


asyncio.run(main())
