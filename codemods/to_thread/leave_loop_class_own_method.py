# asyncmod-test: --unsafe-fixes
"""A loop class whose own `run_in_executor` looks at the function (reported)."""
import asyncio

class TracingLoop(asyncio.SelectorEventLoop):
    def run_in_executor(self, executor, func, *args):
        print("executor job:", func.__name__)
        return super().run_in_executor(executor, func, *args)

def compute(x):
    return x + 1

async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, compute, 1))

loop = TracingLoop()
try:
    print(loop.run_until_complete(main()))
finally:
    loop.close()
