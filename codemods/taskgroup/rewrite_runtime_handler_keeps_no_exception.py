# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
"""A handler that does not read the caught exception (it only reports that
something failed), around the wait or around a call, sees no difference."""
import asyncio


async def job(i):
    await asyncio.sleep(0.01 * i)
    if i == 1:
        raise ValueError("bad input 1")
    return i


async def quiet():
    try:
        tasks = [asyncio.create_task(job(i)) for i in range(3)]  # rewrite
        return await asyncio.gather(*tasks)
    except Exception:
        print("failed")


async def wrapped():
    tasks = [asyncio.create_task(job(i)) for i in range(3)]  # rewrite
    return await asyncio.gather(*tasks)


async def main():
    print("quiet", await quiet())
    try:
        await wrapped()
    except Exception:
        print("wrapped failed")


asyncio.run(main())
