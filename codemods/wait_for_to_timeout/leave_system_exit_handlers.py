"""`SystemExit` and `KeyboardInterrupt` raised inside the awaited coroutine:
on Python 3.11 `wait_for` runs it in a task of its own, whose
`BaseException` escapes the event loop, so the handlers in `main` never
see it and the top level does. Awaited directly, they would reach the
handler around the statement. Left alone before `--target-version py312`."""
import asyncio
import sys


async def worker():
    await asyncio.sleep(0)
    sys.exit(3)


async def prompt():
    await asyncio.sleep(0)
    raise KeyboardInterrupt


async def main():
    try:
        await asyncio.wait_for(worker(), 5)  # leave, reported
    except SystemExit as e:
        print("main caught SystemExit", e.code)
        return "handled"
    finally:
        print("main finally")


async def ask():
    try:
        answer = await asyncio.wait_for(prompt(), timeout=10)  # leave, reported
    except KeyboardInterrupt:
        print("user aborted the prompt; using default")
        answer = "default"
    print("answer", answer)


for entry in (main, ask):
    try:
        print(asyncio.run(entry()))
    except (SystemExit, KeyboardInterrupt) as e:
        print("top level:", type(e).__name__)
