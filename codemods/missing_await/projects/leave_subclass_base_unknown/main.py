# asyncmod-runtime: compare
import asyncio

from app.memory import Memory
from app.service import handle

asyncio.run(handle(Memory(), 1))
print("done")
