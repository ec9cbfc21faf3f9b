# asyncmod-runtime: compare
# A test patches app.work.asyncio: the new call would go through the fake.
import asyncio
from unittest import mock
from app import work

async def main():
    with mock.patch("app.work.asyncio") as fake:
        fake.sleep = mock.AsyncMock()
        try:
            print("backoff ->", await work.backoff(2), "asyncio.sleep calls:", fake.sleep.await_count)
        except Exception as e:
            print("ERR", type(e).__name__, e)

asyncio.run(main())
