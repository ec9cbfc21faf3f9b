# asyncmod-test: --unsafe-fixes
"""A handler around the wait, or around a call of the function, that reads
the caught exception would now read the ExceptionGroup a TaskGroup raises:
its message becomes "unhandled errors in a TaskGroup (1 sub-exception)"."""
import asyncio
import logging
import sys
import traceback


async def job(i):
    await asyncio.sleep(0.01 * i)
    if i == 1:
        raise ValueError("bad input 1")
    return i


async def message():
    try:
        tasks = [asyncio.create_task(job(i)) for i in range(3)]
        return await asyncio.gather(*tasks)  # leave: `str(e)` below
    except Exception as e:
        print("failed:", str(e))


async def printed():
    try:
        tasks = [asyncio.create_task(job(i)) for i in range(3)]
        return await asyncio.gather(*tasks)  # leave: `print(e)` below
    except Exception as e:
        print("failed:", e)


async def formatted():
    try:
        tasks = [asyncio.create_task(job(i)) for i in range(3)]
        return await asyncio.gather(*tasks)  # leave: an f-string of it below
    except Exception as e:
        print(f"failed: {e!r}")


async def logged():
    try:
        tasks = [asyncio.create_task(job(i)) for i in range(3)]
        return await asyncio.gather(*tasks)  # leave: logged below
    except Exception as e:
        logging.warning("failed %s", e)


async def current():
    try:
        tasks = [asyncio.create_task(job(i)) for i in range(3)]
        return await asyncio.gather(*tasks)  # leave: the exception being handled
    except Exception:
        print(traceback.format_exc().splitlines()[-1], sys.exc_info()[0].__name__)


async def collected():
    errors = []
    try:
        tasks = [asyncio.create_task(job(i)) for i in range(3)]
        return await asyncio.gather(*tasks)  # leave: kept and printed later
    except Exception as e:
        errors.append(e)
    print(errors)


async def run():
    tasks = [asyncio.create_task(job(i)) for i in range(3)]
    return await asyncio.gather(*tasks)  # leave: the caller below prints it


async def caller():
    try:
        return await run()
    except Exception as e:
        print("failed:", e)


async def main():
    logging.basicConfig(stream=sys.stdout, format="%(message)s")
    for f in (message, printed, formatted, logged, current, collected, caller):
        print(f.__name__, await f())


asyncio.run(main())
