# asyncmod-runtime: compare
# Wherever a coroutine runs on an asyncio loop, that loop is running in its
# thread, and both functions return it: a thread's own loop, a loop that is
# not the current one, a loop reached through run_coroutine_threadsafe, an
# async generator, a list comprehension. Bindings of asyncio that do not
# exist at run time are not reused.
import threading
from asyncio import get_event_loop, new_event_loop, run, run_coroutine_threadsafe
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import asyncio
    import trio


async def same_loop(expected=None):
    loop = get_event_loop()  # rewrite, adding `import asyncio`
    return loop is (expected or loop) and loop.is_running()


async def numbers():
    yield get_event_loop().is_running()  # rewrite


async def main():
    loops = [get_event_loop() for _ in range(2)]  # rewrite
    return loops[0] is loops[1], [x async for x in numbers()]


results = []
thread = threading.Thread(target=lambda: results.append(run(same_loop())))
thread.start()
thread.join()

loop = new_event_loop()
results.append(loop.run_until_complete(same_loop(loop)))
loop.close()

other = new_event_loop()
threading.Thread(target=other.run_forever, daemon=True).start()
results.append(run_coroutine_threadsafe(same_loop(other), other).result())
other.call_soon_threadsafe(other.stop)

print(results, run(main()))
