# asyncmod-runtime: compare
import asyncio
import unittest
from unittest import mock

import app


class T(unittest.IsolatedAsyncioTestCase):
    async def test_start_with_ready_future(self):
        fut = asyncio.get_running_loop().create_future()
        fut.set_result("stub")
        with mock.patch("app.work", new=mock.Mock(return_value=fut)):
            self.assertEqual(await app.start(), "stub")


result = unittest.main(argv=["x"], exit=False).result
print("ok" if result.wasSuccessful() else "failed")
