# asyncmod-runtime: compare
# A sleep inside a synchronous `with`: the blocking sleep keeps every other
# task out while the context is entered. As `await asyncio.sleep`, other
# tasks run in between: the second task taking the same `threading.Lock`
# blocks the loop's thread for good (a deadlock), and output redirected for
# this coroutine captures what other tasks print. Unsafe, with the reason.
import asyncio
import contextlib
import io
import os
import threading
import time

state_lock = threading.Lock()
count = 0


async def bump(name):
    global count
    with state_lock:
        count += 1
        time.sleep(0.01)
    print("bumped", name)


async def report():
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        print("report line")
        time.sleep(0.01)
    return buf.getvalue()


async def heartbeat():
    for i in range(2):
        print("beat", i)
        await asyncio.sleep(0)


def watchdog():
    print("deadlock", flush=True)
    os._exit(1)


async def main():
    captured, _ = await asyncio.gather(report(), heartbeat())
    print("captured", repr(captured))
    timer = threading.Timer(5, watchdog)
    timer.daemon = True
    timer.start()
    await asyncio.gather(bump("a"), bump("b"))
    timer.cancel()
    print("count", count)


asyncio.run(main())
