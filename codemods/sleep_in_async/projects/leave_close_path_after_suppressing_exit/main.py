# asyncmod-runtime: compare
import asyncio
import contextlib
import time


async def worker():
    with contextlib.suppress(BaseException):
        await asyncio.sleep(10)
    # leave (safe): the `suppress` keeps the `GeneratorExit` of a close, so a
    # closed coroutine runs on to here, where a suspension would raise
    time.sleep(0.001)
    print("after the block")


loop = asyncio.new_event_loop()
task = loop.create_task(worker())
loop.run_until_complete(asyncio.sleep(0.01))
coro = task.get_coro()
loop.close()
try:
    coro.close()
except BaseException as e:
    print("close raised", type(e).__name__, e)
print("end")
