# asyncmod-test: --unsafe-fixes
# The module's own object rebinds the set the fix would reuse: `add` on a
# frozenset fails.
import asyncio
import sys

_background_tasks: set[asyncio.Task[None]] = set()
sys.modules[__name__]._background_tasks = frozenset()


async def job():
    print("job ran")


async def main():
    asyncio.create_task(job())
    await asyncio.sleep(0.01)
    print(type(_background_tasks).__name__)


asyncio.run(main())
