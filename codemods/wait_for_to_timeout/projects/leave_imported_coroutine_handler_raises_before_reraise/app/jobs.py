import asyncio
STATE = {"clean": False}
async def job():
    try:
        await asyncio.sleep(0.5)
    except asyncio.CancelledError:
        if not STATE["clean"]:
            raise RuntimeError("dirty shutdown")
        raise
    return "partial"
