# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
"""A small service written for Python 3.6, run on 3.11 before and after."""
import asyncio
import time


async def fetch(key):
    await asyncio.sleep(0.01)
    return key.upper()


async def slow():
    await asyncio.sleep(10)


async def fail():
    raise ValueError("nope")


async def worker(name):
    loop = asyncio.get_event_loop()  # rewrite: AM101
    size = await loop.run_in_executor(None, len, name)  # rewrite: AM102
    time.sleep(0.01)  # rewrite: AM001
    return size


async def main():
    first = await fetch("a")  # rewrite: AM004, with the next line
    second = await fetch("b")
    try:
        await asyncio.wait_for(slow(), 0.05)  # rewrite: AM003
    except asyncio.TimeoutError:  # rewrite: AM103
        print("timed out")
    try:
        await fail()
    except:  # rewrite: AM107
        print("failed")
    task = asyncio.ensure_future(worker("abc"))  # rewrite: AM105
    print(first, second, await task)
    tasks = [asyncio.create_task(fetch(key)) for key in "xyz"]  # rewrite: AM005
    results = await asyncio.gather(*tasks)
    print(results)


if __name__ == "__main__":
    loop = asyncio.new_event_loop()  # rewrite: AM002
    loop.run_until_complete(main())
    loop.close()
