import asyncio
def run_sync(coro):
    try:
        return asyncio.get_event_loop().run_until_complete(coro)
    except RuntimeError as e:
        coro.close()
        print("not run:", e)
