# asyncmod-runtime: compare
import asyncio, time
from app import work, patching

async def main():
    print(await work.run())

asyncio.run(main())
print("calls", patching.CALLS)
