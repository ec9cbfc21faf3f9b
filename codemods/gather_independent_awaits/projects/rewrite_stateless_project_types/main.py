# asyncmod-runtime: compare
import asyncio

from app.handlers import channel, derived, factory, plain, queue_holder
from app.models import Channel, Jobs, Settings, Strict


async def main():
    print(await plain(Settings(), 1))
    print(await derived(Strict(), None, 2))
    print(await queue_holder(Jobs(), 3))
    print(await factory(4))
    print(await channel(Channel(), 5))


asyncio.run(main())
