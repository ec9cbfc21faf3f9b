import asyncio
from unittest import mock
from unittest.mock import AsyncMock
from app import service
def test_fetch_times_out():
    client = AsyncMock()
    client.get.return_value = "live data"
    with mock.patch("app.service.TIMEOUT", 2.5):
        result = asyncio.run(service.fetch(client))
    print("result:", result, "| expected: live data")
