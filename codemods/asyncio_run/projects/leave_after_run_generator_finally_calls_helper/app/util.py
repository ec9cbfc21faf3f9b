import asyncio


async def flush():
    print("flushed")


def run_sync(coro):
    try:
        return asyncio.get_event_loop().run_until_complete(coro)
    except RuntimeError as e:
        coro.close()
        print("not flushed:", e)
