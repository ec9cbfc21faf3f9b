# asyncmod-runtime: compare
import asyncio
from app.base import Base
class Duck:
    def flush(self):
        print("sync flush")
async def main():
    svc = Base()
    try:
        await type(svc).run(Duck())
    except Exception as e:
        print("ERR", type(e).__name__, e)
asyncio.run(main())
