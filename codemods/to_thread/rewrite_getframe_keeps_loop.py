# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
"""The coroutine reads its frame with `sys._getframe()`: the `loop` variable stays."""
import asyncio
import sys

def compute():
    return 1

async def main():
    loop = asyncio.get_running_loop()
    r = await loop.run_in_executor(None, compute)
    print(r, sorted(sys._getframe().f_locals))

asyncio.run(main())
