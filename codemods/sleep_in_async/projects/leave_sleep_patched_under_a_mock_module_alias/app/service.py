import asyncio
import time
async def run():
    time.sleep(0.01)
    return 1
