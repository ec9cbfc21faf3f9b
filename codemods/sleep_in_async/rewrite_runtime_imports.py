# asyncmod-runtime: compare
# Bindings of asyncio that do not exist where the coroutine runs are not
# reused: one under `if TYPE_CHECKING:`, in one branch of a try, local to
# another function or made global there, or under the `__main__` guard.
# trio imported for type checkers only does not make this a trio module.
# One `import asyncio` is added at the top.
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import asyncio
    import trio

try:
    import uvloop as aio
except ImportError:
    aio = None


def install():
    global loops
    import asyncio as loops

    return loops.__name__


async def tick():
    time.sleep(0.01)  # rewrite: `await asyncio.sleep(…)`, with a new import
    return "tick"


def main():
    import asyncio as runner

    return runner.run(tick())


if __name__ == "__main__":
    import asyncio as script

    print(main(), script.__name__)
