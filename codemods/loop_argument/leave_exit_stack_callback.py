# An exit callback handed to an exit stack may return true and suppress the
# TypeError that `loop=` raises since 3.10: the program may rely on it.
import asyncio, contextlib

def ignore_all(exc_type, exc, tb):
    if exc is not None:
        print("ignored:", exc_type.__name__)
    return True

async def make_queue(loop):
    with contextlib.ExitStack() as stack:
        stack.push(ignore_all)
        q = asyncio.Queue(loop=loop)
        print("made queue with loop")
        return q
    print("fallback: no queue")
    return None

async def main():
    q = await make_queue(asyncio.get_running_loop())
    print("queue is", type(q).__name__)

asyncio.run(main())
