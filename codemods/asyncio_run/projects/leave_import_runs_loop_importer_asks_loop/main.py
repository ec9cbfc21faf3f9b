# asyncmod-runtime: compare
# leave (plugin.py): importing `plugin` runs its loop and leaves it current;
# the `get_event_loop()` below finds it, where after `asyncio.run` there is
# no current loop
import asyncio
import warnings

import app.plugins  # noqa: F401

warnings.simplefilter("ignore", DeprecationWarning)


async def main():
    print("main ran")


loop = asyncio.get_event_loop()
loop.run_until_complete(main())
