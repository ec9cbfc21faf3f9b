import asyncio
from app import tuning
T = 1
async def _job():
    await asyncio.sleep(0.05)
    return "job done"
def start_job():
    tuning.log_start()
    return _job()
async def run():
    return await asyncio.wait_for(start_job(), T)
