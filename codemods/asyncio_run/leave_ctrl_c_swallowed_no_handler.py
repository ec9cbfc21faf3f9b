"""Without a handler around the run, Ctrl-C ends the program (status 130)
before it saves its state. Under `asyncio.run` the worker would catch the
cancellation, the run would return, the state would be saved and the
exit status be 0. The fix is unsafe."""
import asyncio
import signal


async def worker():
    try:
        while True:
            await asyncio.sleep(0.01)
            signal.raise_signal(signal.SIGINT)  # Ctrl-C
    except asyncio.CancelledError:
        print("worker: shutting down cleanly")


if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    loop.run_until_complete(worker())  # leave: unsafe
    loop.close()
    print("after run: saving state")
