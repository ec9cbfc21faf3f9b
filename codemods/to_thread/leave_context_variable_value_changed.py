# asyncmod-test: --unsafe-fixes
"""The function appends to a context variable's list: in `to_thread`'s copy, the caller's list (reported)."""
import asyncio
import contextvars

seen = contextvars.ContextVar("seen")

def record(item):
    seen.get([]).append(item)
    return len(seen.get([]))

async def main():
    seen.set([])
    loop = asyncio.get_running_loop()
    n = await loop.run_in_executor(None, record, "a")
    print("in thread", n, "caller sees", seen.get())

asyncio.run(main())
