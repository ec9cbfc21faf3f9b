"""Subclasses of `CancelledError` spelled through an alias or made by
`type(...)`: on 3.11 `wait_for` turns one raised on cancellation into
`TimeoutError`, `asyncio.timeout()` lets it through. Left alone before
`--target-version py312`."""
import asyncio

CE = asyncio.CancelledError


class Aborted(CE):
    pass


Shutdown = type("Shutdown", (asyncio.CancelledError,), {})


async def job(kind):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise kind() from None


async def main():
    for kind in (Aborted, Shutdown):
        try:
            await asyncio.wait_for(job(kind), 0.01)  # leave, reported: a subclass exists
            print("finished")
        except TimeoutError:
            print("timeout")
        except asyncio.CancelledError as error:
            print("cancelled:", type(error).__name__)


asyncio.run(main())
