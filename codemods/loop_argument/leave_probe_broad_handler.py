"""A feature probe: its `except Exception` answers False because `loop=` raises (unsafe fix only)."""
import asyncio

def supports_loop_kwarg():
    try:
        asyncio.Event(loop=None)
        return True
    except Exception:
        return False

async def main():
    loop = asyncio.get_running_loop()
    extra = {"loop": loop} if supports_loop_kwarg() else {}
    q = asyncio.Queue(**extra)
    await q.put(1)
    print("queue works", await q.get())

asyncio.run(main())
