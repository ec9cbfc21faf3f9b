# asyncmod-runtime: compare
import asyncio
from unittest import mock
from app.sub import Sub
from app.base import Base

def _f(*a):
    print("sync flush")
async def main():
    try:
        import functools
        duck = mock.Mock()
        await functools.partial(Base.run, duck)()
        print("flush called:", duck.flush.called)
    except Exception as e:
        print("ERR", type(e).__name__, e)
asyncio.run(main())
