# asyncmod-runtime: compare
import asyncio


class Loud:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None


async def worker():
    with Loud():
        await asyncio.sleep(0)
    try:
        await asyncio.sleep(0)
    except Exception:
        pass
    loop = asyncio.get_event_loop()  # rewrite: no exit or handler keeps a close
    return loop is asyncio.get_running_loop()


print(asyncio.run(worker()))
