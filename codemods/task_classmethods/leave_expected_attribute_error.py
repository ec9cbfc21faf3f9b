# Since Python 3.9 `Task.current_task()` raises `AttributeError`; this code
# catches it on purpose (tracing off on new Pythons), so the call stays.
import asyncio


async def who():
    try:
        me = asyncio.Task.current_task()
    except AttributeError:
        print("Task.current_task unavailable; tracing disabled")
        return None
    print("tracing task", me.get_name())
    return me


asyncio.run(who())
