import asyncio
STATE = {"clean": False}
async def job():
    try:
        await asyncio.sleep(0.5)
    finally:
        print("checking")
        assert STATE["clean"], "dirty shutdown"
    return "partial"
