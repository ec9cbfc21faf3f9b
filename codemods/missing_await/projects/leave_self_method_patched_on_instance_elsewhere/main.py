# asyncmod-runtime: compare
import asyncio
from unittest import mock
from app.base import Base
def _sync():
    print("sync flush")
async def main():
    svc = Base()
    with mock.patch.object(svc, "flush", _sync):
        try:
            await svc.run()
        except Exception as e:
            print("ERR", type(e).__name__, e)
asyncio.run(main())
