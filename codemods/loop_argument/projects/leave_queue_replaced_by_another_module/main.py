# asyncmod-runtime: compare
import asyncio

import compat  # noqa: F401  (installs the loop= shims)


async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue(loop=loop)
    print("queue made by", q.origin)

asyncio.run(main())
