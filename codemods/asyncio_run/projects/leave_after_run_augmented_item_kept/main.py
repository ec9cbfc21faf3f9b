# asyncmod-runtime: compare
# leave (unsafe): `_by_kind['a'] += [fut]` keeps a future, which `shutdown()`
# cancels after the run
import asyncio
_by_kind = {'a': []}

def shutdown():
    for f in _by_kind.get('a'):
        f.cancel()

async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda _: None)
    _by_kind['a'] += [fut]
    return 3

if __name__ == "__main__":
    n = asyncio.get_event_loop().run_until_complete(main())
    try:
        shutdown()
        print("after run ok", n)
    except RuntimeError as e:
        print("RuntimeError", e)
