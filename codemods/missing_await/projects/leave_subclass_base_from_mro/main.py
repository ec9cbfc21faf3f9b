# asyncmod-runtime: compare
import asyncio
from pkg.sub import make

async def main():
    try:
        await make().handle()
    except Exception as e:
        print("error", type(e).__name__, e)

asyncio.run(main())
