import asyncio
from unittest import mock
from app import worker
def test_poll_does_not_sleep_on_loop():
    calls = []
    async def fake(d, *a):
        calls.append(d)
    with mock.patch.object(asyncio, "sleep", fake):
        asyncio.run(worker.poll(2))
    print("asyncio.sleep calls seen by the test:", calls)
