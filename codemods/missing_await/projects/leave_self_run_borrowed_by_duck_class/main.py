# asyncmod-runtime: compare
import asyncio
from app.sub import Sub
async def main():
    try:
        await Sub().run()
    except Exception as e:
        print("ERR", type(e).__name__, e)
asyncio.run(main())
