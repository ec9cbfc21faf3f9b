# asyncmod-runtime: compare
# test of the timeout path: wait_for is made to time out at once
import asyncio
from unittest import mock

import service

with mock.patch("asyncio.wait_for", side_effect=TimeoutError):
    result = asyncio.run(service.fetch())
print("timeout path gives:", result)
