# asyncmod-runtime: compare
# leave (plugin.py): importing `plugin` runs its loop, the one this module
# made current and scheduled a task on; `asyncio.run` would run the warm-up
# on a loop of its own (the task never runs) and clear the current loop
import asyncio


async def heartbeat():
    print("heartbeat ran")


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.create_task(heartbeat())

import plugin  # noqa: E402

print("done", plugin.READY)
