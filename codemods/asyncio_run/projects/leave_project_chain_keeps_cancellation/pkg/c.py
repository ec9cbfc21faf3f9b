import asyncio, signal

async def h():
    try:
        await asyncio.sleep(0.01)
        signal.raise_signal(signal.SIGINT)
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("h: stopped")
