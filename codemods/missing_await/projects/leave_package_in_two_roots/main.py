# asyncmod-runtime: compare
import asyncio

from handlers import handle

asyncio.run(handle(1))
