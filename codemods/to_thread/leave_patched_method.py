# asyncmod-test: --unsafe-fixes
"""A patched `run_in_executor` that looks at the function (reported)."""
import asyncio

_original = asyncio.BaseEventLoop.run_in_executor

def traced(self, executor, func, *args):
    print("job", func.__name__)
    return _original(self, executor, func, *args)

asyncio.BaseEventLoop.run_in_executor = traced

def compute():
    return 2

async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, compute))

try:
    asyncio.run(main())
except Exception as e:
    print("error", type(e).__name__)
