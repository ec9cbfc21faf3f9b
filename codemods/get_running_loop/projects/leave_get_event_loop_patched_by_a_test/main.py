# asyncmod-runtime: compare
# The test patches `asyncio.get_event_loop` to hand `Site.start` a stand-in
# loop: with `get_running_loop()` the stand-in is never reached.
import asyncio

from tests.test_site import test_start_asks_the_loop

print("create_server calls:", asyncio.run(test_start_asks_the_loop()))
