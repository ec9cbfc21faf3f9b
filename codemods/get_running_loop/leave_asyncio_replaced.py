# `patch.multiple(asyncio, …)` replaces `get_event_loop` while the
# coroutine runs: `get_running_loop()` would not call the stand-in.
import asyncio
from unittest import mock


async def main():
    print(type(asyncio.get_event_loop()).__name__)


with mock.patch.multiple(asyncio, get_event_loop=lambda: "stand-in"):
    asyncio.run(main())
