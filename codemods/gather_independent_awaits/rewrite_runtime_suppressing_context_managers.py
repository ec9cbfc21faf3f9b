# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
# A context manager that may suppress an exception lets the code after the
# `with` run after a call failed: when one call fails, `gather` binds no
# target, so that code would not see the first call's result.
import asyncio
import contextlib


class best_effort:
    def __enter__(self):
        return self

    def __exit__(self, kind, error, tb):
        if kind is not None:
            print("ignored:", error)
        return True


@contextlib.contextmanager
def quietly():
    try:
        yield
    except ConnectionError as error:
        print("ignored:", error)


class Timed:
    def __enter__(self):
        return self

    def __exit__(self, kind, error, tb):
        print("timed")
        return None


async def fetch_profile():
    return {"name": "ann"}


async def fetch_avatar():
    raise ConnectionError("cdn down")


async def fetch_banner():
    await asyncio.sleep(0)
    return "banner"


async def a_class_that_suppresses():
    profile = None
    with best_effort():
        profile = await fetch_profile()  # leave: `best_effort` swallows the error
        avatar = await fetch_avatar()
    print("profile:", profile)


async def a_generator_that_suppresses():
    profile = None
    with quietly():
        profile = await fetch_profile()  # leave: `quietly` swallows the error
        avatar = await fetch_avatar()
    print("profile:", profile)


async def a_manager_that_lets_errors_through():
    with Timed():
        # rewrite: `Timed` returns None: nothing runs after a failure
        profile = await fetch_profile()
        banner = await fetch_banner()
    print("profile:", profile, banner)


async def main():
    await a_class_that_suppresses()
    await a_generator_that_suppresses()
    await a_manager_that_lets_errors_through()


asyncio.run(main())
