import asyncio

async def slow():
    await asyncio.sleep(1)

async def take():
    await asyncio.wait_for(slow(), 0.01)

async def catch():
    try:
        raise TimeoutError("plain")
    except asyncio.TimeoutError:
        return "caught by asyncio.TimeoutError"
    except Exception as e:
        return "missed " + type(e).__name__
