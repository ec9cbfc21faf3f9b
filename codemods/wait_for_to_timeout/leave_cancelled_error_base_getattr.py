# A base the module cannot tell may be `CancelledError`: on 3.11 `wait_for`
# turns `Aborted`, raised on cancellation, into `TimeoutError`;
# `asyncio.timeout()` lets it through. Left alone before py312.
import asyncio


class Aborted(getattr(asyncio, "CancelledError")):
    pass


async def job():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise Aborted()


async def main():
    try:
        await asyncio.wait_for(job(), 0.01)
    except asyncio.TimeoutError:
        print("timeout")
    except asyncio.CancelledError as e:
        print("cancelled", type(e).__name__)


asyncio.run(main())
