# asyncmod-runtime: compare
import asyncio
from app import work, tracing

async def main():
    print(await work.run())

asyncio.run(main())
print("traced", tracing.SEEN)
