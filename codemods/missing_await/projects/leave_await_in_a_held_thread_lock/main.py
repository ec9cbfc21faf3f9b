# asyncmod-runtime: compare
# A coroutine called without `await` inside a synchronous `with` of a
# `threading.Lock`: awaited, `publish` suspends while the lock is held, and
# the second task taking the lock blocks the loop's thread for good (the
# watchdog reports the deadlock). The fix is unsafe there, with the reason.
import asyncio, threading, os, sys

state_lock = threading.Lock()
state = {"n": 0}

async def publish(n):
    await asyncio.sleep(0.01)
    print("published", n)

async def bump(tag):
    with state_lock:
        state["n"] += 1
        publish(state["n"])
    print("bumped", tag)

def watchdog():
    sys.stdout.flush()
    print("deadlock: the loop thread is blocked on state_lock", flush=True)
    os._exit(0)

async def main():
    threading.Timer(1.0, watchdog).start()
    await asyncio.gather(bump("a"), bump("b"))
    print("n", state["n"])
    os._exit(0)

asyncio.run(main())
