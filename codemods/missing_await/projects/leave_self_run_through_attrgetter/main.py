# asyncmod-runtime: compare
import asyncio, operator
from app.base import Base
class Duck:
    def flush(self):
        print("sync flush")
async def main():
    try:
        await operator.attrgetter("run")(Base)(Duck())
    except Exception as e:
        print("ERR", type(e).__name__, e)
asyncio.run(main())
