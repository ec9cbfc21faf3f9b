# asyncmod-test: --unsafe-fixes
# Each gathered call runs in a task of its own. A task that raises
# SystemExit or KeyboardInterrupt stops the event loop at once: a handler
# that catches it and goes on (here, to return an exit code) would no
# longer get to, and the program would end with the exception instead.
import asyncio
import sys


async def confirm():
    await asyncio.sleep(0)
    sys.exit("aborted by user")


async def load():
    await asyncio.sleep(0)
    return "data"


async def load_more():
    await asyncio.sleep(0)
    return "more"


async def load_both():
    # leave: `main` catches SystemExit around the call of this function
    first = await load()
    second = await load_more()
    return first, second


async def main():
    try:
        ok = await confirm()  # leave: `except SystemExit` below goes on
        data = await load_both()
    except SystemExit as exit_:
        print("cleanup before exit:", exit_)
        return 2
    return 0


print("rc", asyncio.run(main()))
