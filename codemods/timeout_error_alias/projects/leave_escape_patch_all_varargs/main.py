# asyncmod-runtime: compare
import asyncio
import app.compat
from app.svc import take, catch

async def main():
    try:
        await take()
    except Exception as e:
        print("take raised", type(e).__name__)
    print(await catch())

asyncio.run(main())
