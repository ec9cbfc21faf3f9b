# asyncmod-runtime: compare
import asyncio

_pending = set()

def shutdown():
    for f in _pending:
        f.cancel()

async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda _: None)
    _pending.add(fut)
    return 3

if __name__ == "__main__":
    n = asyncio.get_event_loop().run_until_complete(main())
    try:
        shutdown()
        print("shut down", n)
    except RuntimeError as e:
        print("RuntimeError", e)
