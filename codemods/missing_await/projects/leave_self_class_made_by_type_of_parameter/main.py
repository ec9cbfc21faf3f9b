# asyncmod-runtime: compare
import asyncio
from app import base as b
from app.factory import derive
async def main():
    Sub = derive(b.Base)
    try:
        await Sub().run()
    except Exception as e:
        print("ERR", type(e).__name__, e)
asyncio.run(main())
