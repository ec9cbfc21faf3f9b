# asyncmod-runtime: compare
import asyncio


async def probe():
    loop = asyncio.get_event_loop()  # rewrite
    print("running:", loop.is_running())
    print("same loop:", loop is asyncio.get_event_loop())  # rewrite
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "done")
    return await fut


print(asyncio.run(probe()))
