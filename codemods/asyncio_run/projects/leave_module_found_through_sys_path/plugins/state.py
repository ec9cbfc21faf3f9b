import asyncio

DONE = asyncio.get_event_loop().create_future()
