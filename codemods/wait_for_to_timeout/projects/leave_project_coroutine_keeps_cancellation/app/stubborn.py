import asyncio


async def fetch():
    # Keeps a cancellation thrown into it: it returns instead of raising.
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return "swallowed"
    return "slept"
