import asyncio

from .server import main

# rewrite: module level of `python -m app`, `main` an async def of the project
asyncio.get_event_loop().run_until_complete(main("module"))
