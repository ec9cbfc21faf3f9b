# asyncmod-runtime: compare
import asyncio

from app.store import save
from app.legacy import *


async def handle(r):
    save(r)
    print("handled", r)


asyncio.run(handle(1))
