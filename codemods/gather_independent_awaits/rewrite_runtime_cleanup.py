# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
# A target read by code that runs after a failure: when the second call
# fails, `gather` binds no target, so the cleanup would not see the first
# call's result.
import asyncio
import contextlib


async def forever():
    await asyncio.sleep(10)


async def start_background():
    return asyncio.ensure_future(forever())


async def make():
    return "made"


async def fail():
    await asyncio.sleep(0.001)
    raise ValueError("failed")


async def cancelled_in_finally():
    task = None
    try:
        task = await start_background()  # leave: `finally` cancels it
        result = await fail()
    finally:
        if task is not None:
            task.cancel()
            print("cancelled the background task")


async def rolled_back_in_except():
    made = None
    try:
        made = await make()  # leave: the handler reads `made`
        other = await fail()
    except ValueError:
        print("roll back", made)


async def read_after_a_swallowed_error():
    made = None
    try:
        made = await make()  # leave: execution goes on after the handler
        other = await fail()
    except ValueError:
        pass
    print("after", made)


async def read_after_suppress():
    made = None
    with contextlib.suppress(ValueError):
        made = await make()  # leave: `suppress` lets execution go on
        other = await fail()
    print("after", made)


async def read_after_continue():
    made = None
    for attempt in range(2):
        try:
            made = await make()  # leave: `continue` goes on to the next attempt
            other = await fail()
        except ValueError:
            continue
    print("after", made)


async def title(text):
    await asyncio.sleep(0)
    return text.title()


async def main():
    # rewrite: the only independent pair in this file; every `leave` above stays
    heading = await title("start")
    footer = await title("end")
    print(heading)
    try:
        await cancelled_in_finally()
    except ValueError as error:
        print("error:", error)
    await asyncio.sleep(0)
    others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    print("tasks still pending:", len(others))
    await rolled_back_in_except()
    await read_after_a_swallowed_error()
    await read_after_suppress()
    await read_after_continue()
    print(footer)


asyncio.run(main())
