# asyncmod-test: --unsafe-fixes
# The fan-out is called from a lambda, whose caller catches KeyError: a
# TaskGroup would raise an ExceptionGroup there. Runs as it is (python3 FILE).
import asyncio
async def bad(i):
    await asyncio.sleep(0)
    if i == 1: raise KeyError("bad")
    return i
async def fan():
    tasks = [asyncio.create_task(bad(i)) for i in range(3)]
    return await asyncio.gather(*tasks)  # leave, reported: called from a lambda
async def main():
    get = lambda: fan()
    try:
        await get()
    except KeyError:
        print("caught KeyError")
asyncio.run(main())
