import asyncio
async def flush():
    print("flushed on loop")
def handler(signum, frame):
    try:
        asyncio.get_event_loop().run_until_complete(flush())
    except RuntimeError as e:
        print("handler:", e)
