# asyncmod-runtime: compare
"""Ctrl-C under a coroutine that lets its cancellation out: its handler of
`CancelledError` ends in `raise`, its cleanup is in `finally:`. Run by
hand, `KeyboardInterrupt` passes through both; under `asyncio.run` the
cancellation does, and `asyncio.run` raises `KeyboardInterrupt` after it.
The same lines print, and the fix is safe."""
import asyncio
import signal


async def tick(n):
    await asyncio.sleep(0.01)
    if n == 2:
        signal.raise_signal(signal.SIGINT)  # Ctrl-C, just before an `await`
        await asyncio.sleep(0)


async def serve():
    n = 0
    try:
        while True:
            try:
                await tick(n)
            except asyncio.CancelledError:
                raise
            n += 1
    finally:
        print("cleanup after", n, "ticks")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    try:
        loop.run_until_complete(serve())  # rewrite
    except KeyboardInterrupt:
        print("interrupted")
    finally:
        loop.close()
    print("exit")
