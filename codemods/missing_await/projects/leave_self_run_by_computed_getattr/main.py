# asyncmod-runtime: compare
import asyncio
from app.base import Base
class Duck:
    def flush(self):
        print("sync flush")
NAME = "".join(["r", "un"])
async def main():
    try:
        await getattr(Base, NAME)(Duck())
    except Exception as e:
        print("ERR", type(e).__name__, e)
asyncio.run(main())
