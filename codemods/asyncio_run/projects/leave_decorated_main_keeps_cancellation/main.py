# asyncmod-runtime: compare
import asyncio
import functools
import signal


def graceful(fn):
    @functools.wraps(fn)
    async def wrapper():
        try:
            await fn()
        except asyncio.CancelledError:
            print("server stopped")
    return wrapper


@graceful
async def serve():
    signal.raise_signal(signal.SIGINT)  # stands for the user's Ctrl-C
    await asyncio.sleep(1)


async def main():
    await serve()


loop = asyncio.get_event_loop()
loop.run_until_complete(main())
loop.close()
print("after the run")
