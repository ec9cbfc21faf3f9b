# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
"""The coroutine reads `locals()`: the call is rewritten, the `loop` variable stays."""
import asyncio

def compute():
    return 1

async def main():
    loop = asyncio.get_running_loop()
    r = await loop.run_in_executor(None, compute)
    print(r, sorted(locals()))

asyncio.run(main())
