"""A subclass of `CancelledError` raised by the awaited code when the
timeout cancels it: 3.11's `wait_for` turns it into `TimeoutError`, 3.11's
`asyncio.timeout()` lets it through (it tests `exc_type is
CancelledError`). Left alone before `--target-version py312`."""
import asyncio


class ReadAborted(asyncio.CancelledError):
    """raised by our protocol layer when a read is interrupted"""


async def read_frame():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        raise ReadAborted("read interrupted")


async def main():
    try:
        frame = await asyncio.wait_for(read_frame(), 0.05)  # leave, reported
    except TimeoutError:
        print("timed out -> reconnect")
        return
    except asyncio.CancelledError as e:
        print("cancelled:", type(e).__name__)
        return
    print(frame)


asyncio.run(main())
