# asyncmod-runtime: compare
"""A `finally:` that returns, breaks or raises ends a `SystemExit` the awaited
coroutine raises: on 3.11 `wait_for` runs the coroutine in a task of its
own, whose `SystemExit` stops the event loop and never reaches the
`finally:`; awaited directly it would, and be swallowed. Left alone before
`--target-version py312`."""
import asyncio
import sys


async def job():
    raise SystemExit(3)


async def returns_in_finally():
    try:
        await asyncio.wait_for(job(), 5)  # leave, reported: the finally returns
    finally:
        return "swallowed"


async def breaks_in_finally():
    for _ in range(2):
        try:
            await asyncio.wait_for(job(), 5)  # leave, reported: the finally breaks
        finally:
            break
    return "after the loop"


async def raises_in_finally():
    try:
        await asyncio.wait_for(job(), 5)  # leave, reported: the finally raises another exception
    finally:
        raise RuntimeError("cleanup failed")


async def plain_finally(log):
    try:
        await asyncio.wait_for(asyncio.sleep(0), 5)  # rewritten: the finally only cleans up
    finally:
        log.append("cleaned")


def main():
    log = []
    asyncio.run(plain_finally(log))
    print(log)
    which = sys.argv[1] if len(sys.argv) > 1 else "return"
    coroutine = returns_in_finally() if which == "return" else breaks_in_finally()
    try:
        print(asyncio.run(coroutine))
    except SystemExit as stop:
        print("exit", stop.code)


main()
