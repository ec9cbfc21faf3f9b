# asyncmod-runtime: compare
from app import asyncio
from app.jobs import *

print(asyncio.run(tick()))
