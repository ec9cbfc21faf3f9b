# asyncmod-runtime: compare
import asyncio
from app.worker import bump
from app import store

async def main():
    await asyncio.gather(bump(), bump(), bump())
    print("count", store.get())

asyncio.run(main())
