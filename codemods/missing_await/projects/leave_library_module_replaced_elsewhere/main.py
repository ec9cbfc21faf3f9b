# Not run: `aiofiles` is not installed where the tests run.
import asyncio
import os

import aiofiles.os
import compat  # noqa: F401


async def main():
    open("f.tmp", "w").close()
    # leave: compat.py replaces `aiofiles.os` itself with plain functions
    aiofiles.os.remove("f.tmp")
    print("exists", os.path.exists("f.tmp"))


asyncio.run(main())
