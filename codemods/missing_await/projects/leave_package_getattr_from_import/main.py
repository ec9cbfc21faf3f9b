# asyncmod-runtime: compare
import asyncio

from app.handlers import handle

asyncio.run(handle(1))
