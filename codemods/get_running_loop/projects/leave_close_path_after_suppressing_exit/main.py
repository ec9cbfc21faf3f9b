# asyncmod-runtime: compare
import asyncio


class Quiet:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return True


async def worker():
    with Quiet():
        await asyncio.sleep(10)
    # leave: `Quiet` keeps the `GeneratorExit` of a close, so this runs
    # with no loop when the coroutine is closed outside it
    loop = asyncio.get_event_loop()
    print("after quiet block, loop:", loop is not None)


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
