# asyncmod-test: --unsafe-fixes
# Five calls away, main catches ValueError around the chain: a TaskGroup
# would raise an ExceptionGroup there. Runs as it is (python3 FILE).
import asyncio
async def bad(i):
    await asyncio.sleep(0)
    if i == 1: raise ValueError("bad")
    return i
async def fan():
    tasks = [asyncio.create_task(bad(i)) for i in range(3)]
    return await asyncio.gather(*tasks)  # leave, reported: caught by type five calls up
async def l1(): return await fan()
async def l2(): return await l1()
async def l3(): return await l2()
async def l4(): return await l3()
async def main():
    try:
        print(await l4())
    except ValueError as e:
        print("caught", e)
asyncio.run(main())
