"""The handler around the run catches `(KeyboardInterrupt, SystemExit)`;
the coroutine returns a partial result when cancelled, which under
`asyncio.run` would be printed instead of "stopped by user"."""
import asyncio
import signal


async def main():
    try:
        await asyncio.sleep(0)
        signal.raise_signal(signal.SIGINT)  # Ctrl-C
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("main cancelled, returning partial")
        return "partial"


if __name__ == "__main__":
    r = None
    loop = asyncio.new_event_loop()
    try:
        r = loop.run_until_complete(main())  # leave: unsafe
    except (KeyboardInterrupt, SystemExit):
        print("stopped by user")
    finally:
        loop.close()
    print("result", r)
