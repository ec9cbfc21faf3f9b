# asyncmod-runtime: compare
import asyncio
import signal
from contextlib import AsyncExitStack


async def _stopped(exc_type, exc, tb):
    if exc_type is asyncio.CancelledError:
        print("server stopped")
        return True
    return False


async def main():
    async with AsyncExitStack() as stack:
        stack.push_async_exit(_stopped)
        signal.raise_signal(signal.SIGINT)  # stands for the user's Ctrl-C
        await asyncio.sleep(1)


loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(main())
except KeyboardInterrupt:
    print("interrupted")
    raise SystemExit(130)
finally:
    loop.close()
print("after the run")
