"""Ctrl-C during blocking code in the coroutine: a documented difference,
so this program is not compared at run time. Run by hand, the default
handler raises `KeyboardInterrupt` inside `time.sleep`, after two steps.
Under `asyncio.run` (3.11+) Ctrl-C cancels the coroutine, which sees it only
at its next `await`: this one has none, so it finishes all five steps, and
`asyncio.run` raises `KeyboardInterrupt` after it. The coroutine lets its
cancellation out, so the fix stays safe."""
import asyncio
import signal
import time

steps = []


async def crunch():
    for i in range(5):
        time.sleep(0.01)  # blocking work, no await
        steps.append(i)
        if i == 1:
            signal.raise_signal(signal.SIGINT)  # Ctrl-C
    print("crunch finished all", len(steps), "steps")
    return len(steps)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    try:
        loop.run_until_complete(crunch())  # rewrite
    except KeyboardInterrupt:
        print("interrupted after", len(steps), "steps")
    finally:
        loop.close()
