import asyncio

from cache import work

loop = asyncio.get_event_loop()
print(loop.run_until_complete(work()))
