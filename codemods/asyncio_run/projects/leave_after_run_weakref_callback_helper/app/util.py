import asyncio


async def aclose():
    pass


def schedule_close(ref):
    coro = aclose()
    try:
        task = asyncio.ensure_future(coro)
        print("close scheduled")
        task.cancel()
    except RuntimeError as e:
        coro.close()
        print("close not scheduled:", e)
