import asyncio

from app import connect, main


# leave, reported: both calls run on the one implicit loop, and the
# connection made by the first may be bound to it
asyncio.get_event_loop().run_until_complete(connect())
asyncio.get_event_loop().run_until_complete(main())
