# asyncmod-runtime: compare
import asyncio
import contextlib


@contextlib.contextmanager
def quiet():
    try:
        yield
    except BaseException:
        pass


async def worker():
    with quiet():
        await asyncio.sleep(10)
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
