import asyncio
from base import Job

async def fetch():
    return 1

class Refresh(Job):
    async def run(self):
        print("refresh")
        return asyncio.run(fetch())
