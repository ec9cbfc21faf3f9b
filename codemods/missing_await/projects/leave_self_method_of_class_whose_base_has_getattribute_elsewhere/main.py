# asyncmod-runtime: compare
import asyncio

from app.services import Service

asyncio.run(Service().flush())
