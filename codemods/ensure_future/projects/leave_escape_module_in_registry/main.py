# asyncmod-runtime: compare
import asyncio
from app import jobs
from app.plugins import install
install()

async def main():
    try:
        print(await jobs.run())
    except Exception as e:
        print("raised", type(e).__name__, e)

asyncio.run(main())
