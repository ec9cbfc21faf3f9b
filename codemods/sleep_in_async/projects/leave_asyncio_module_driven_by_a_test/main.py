# asyncmod-runtime: compare
# The module imports asyncio, but the test drives `work` by hand.
from tests.test_work import test_work

test_work()
