# A patch target the code builds (`f"asyncio.{name}"`) may be any member.
import asyncio
from unittest import mock


class CompatEvent(asyncio.Event):
    def __init__(self, *, loop=None):
        super().__init__()
        self.bound_loop = loop


async def main():
    loop = asyncio.get_running_loop()
    event = asyncio.Event(loop=loop)
    print(event.bound_loop is loop)


for name in ["Event"]:
    with mock.patch(f"asyncio.{name}", CompatEvent):
        asyncio.run(main())
