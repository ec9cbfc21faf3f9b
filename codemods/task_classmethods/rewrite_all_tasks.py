# asyncmod-test: --unsafe-fixes
import asyncio


async def shutdown(signal_name):
    print("received", signal_name)
    me = asyncio.Task.current_task()
    # rewrite, unsafe: finished tasks are no longer listed
    others = [t for t in asyncio.Task.all_tasks() if t is not me]
    for task in others:
        task.cancel()
    await asyncio.gather(*others, return_exceptions=True)
