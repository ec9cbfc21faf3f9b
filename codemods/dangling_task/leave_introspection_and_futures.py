# asyncmod-test: --unsafe-fixes
import asyncio


async def work():
    await asyncio.sleep(0)


async def reads_locals():
    asyncio.create_task(work())  # leave, reported: a new local `task` would show in locals()
    await asyncio.sleep(0.01)
    print(sorted(locals()))


async def evaluates():
    asyncio.create_task(work())  # leave, reported: eval sees the function's variables
    print(eval("'task' in dir()"))


async def future_of_unknown_kind(fut):
    # leave, reported: of a future, ensure_future returns that same future
    asyncio.ensure_future(fut)
    asyncio.ensure_future(fut.add_done_callback(print) or fut)

