"""Ctrl-C while the coroutine handles its own cancellation. With the loop
run by hand, `KeyboardInterrupt` goes through `except CancelledError` and
reaches the handler around the run. `asyncio.run` would turn Ctrl-C into
a cancellation, which the server catches and returns from: the run would
end normally and "interrupted" never print. The fix is unsafe."""
import asyncio
import signal


async def serve():
    n = 0
    try:
        while True:
            await asyncio.sleep(0.01)
            n += 1
            if n == 3:
                signal.raise_signal(signal.SIGINT)  # Ctrl-C
    except asyncio.CancelledError:
        print("server stopped")
    return n


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    try:
        loop.run_until_complete(serve())  # leave: unsafe, the coroutine may swallow its cancellation
    except KeyboardInterrupt:
        print("interrupted")
    finally:
        loop.close()
    print("exit")
