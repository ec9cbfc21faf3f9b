# asyncmod-runtime: compare
import asyncio

from tests.test_site import test_start_serves

print(asyncio.run(test_start_serves()))
