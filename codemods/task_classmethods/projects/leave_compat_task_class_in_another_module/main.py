# asyncmod-runtime: compare
import asyncio

import compat  # noqa: F401


async def main():
    me = asyncio.Task.current_task()
    print("got a task:", me is not None)

asyncio.run(main())
