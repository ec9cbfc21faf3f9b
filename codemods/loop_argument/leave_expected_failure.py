"""A test marked `expectedFailure` relies on the `TypeError` (unsafe fix only)."""
import asyncio
import unittest

class T(unittest.IsolatedAsyncioTestCase):
    @unittest.expectedFailure
    async def test_loop_kwarg_removed(self):
        loop = asyncio.get_running_loop()
        await asyncio.sleep(0, loop=loop)

if __name__ == "__main__":
    unittest.main()
