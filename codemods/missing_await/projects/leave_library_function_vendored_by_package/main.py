# asyncmod-runtime: compare
import asyncio
import os

import app.vendoring  # noqa: F401
import aiofiles.os


async def main():
    open("f.tmp", "w").close()
    # leave: app/vendoring.py puts `app/_vendor` first on `sys.path`
    aiofiles.os.remove("f.tmp")
    print("exists", os.path.exists("f.tmp"))


asyncio.run(main())
