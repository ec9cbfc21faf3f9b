# asyncmod-runtime: compare
import asyncio
from app.alias import Service
class Duck:
    def flush(self):
        print("sync flush")
async def main():
    try:
        await Service.run(Duck())
    except Exception as e:
        print("ERR", type(e).__name__, e)
asyncio.run(main())
