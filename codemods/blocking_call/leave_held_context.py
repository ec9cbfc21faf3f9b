# asyncmod-test: --unsafe-fixes
# A blocking call inside a synchronous `with` of the coroutine: the `await`
# would keep the context entered while other tasks run, and the call would
# run in a worker thread, outside it.
import asyncio
import decimal
import subprocess
import sys
import threading
from contextlib import redirect_stdout
from io import StringIO

lock = threading.Lock()
rlock = threading.RLock()
inside = 0
max_inside = 0


async def job(i):
    with lock:
        # leave, reported: a second task taking `lock` would block the loop's
        # thread while the first waits for its turn there: a deadlock
        subprocess.run([sys.executable, "-c", "import time; time.sleep(0.05)"])
        print("job", i, "done")


async def exclusive(i):
    global inside, max_inside
    with rlock:
        inside += 1
        max_inside = max(max_inside, inside)
        # leave, reported: the RLock belongs to the thread, so every task of
        # it would enter the critical section at once
        subprocess.run([sys.executable, "-c", "import time; time.sleep(0.05)"])
        inside -= 1


async def precise(cmd):
    with decimal.localcontext() as ctx:
        ctx.prec = 5
        out = subprocess.check_output(cmd)  # leave, reported
    return out


async def captured(cmd):
    buffer = StringIO()
    with redirect_stdout(buffer):
        subprocess.call(cmd)  # leave, reported: other tasks would print into it
    return buffer.getvalue()


async def main():
    await asyncio.gather(job(1), job(2))
    await asyncio.gather(exclusive(1), exclusive(2))
    print("max tasks inside the critical section:", max_inside)
    print(await precise([sys.executable, "-c", "print('x')"]))
    print(repr(await captured([sys.executable, "-c", "pass"])))


asyncio.run(main())
