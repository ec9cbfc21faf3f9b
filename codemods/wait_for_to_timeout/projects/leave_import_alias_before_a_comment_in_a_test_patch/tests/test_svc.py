import asyncio
from unittest import mock
import app.svc as s  # noqa

@mock.patch.object(s, "TIMEOUT", 0)
def test_take_times_out():
    async def go():
        q = asyncio.Queue()
        q.put_nowait("item")
        try:
            await s.take(q)
            print("test: got item, left", q.qsize())
        except TimeoutError:
            print("test: timeout, left", q.qsize())
    asyncio.run(go())
