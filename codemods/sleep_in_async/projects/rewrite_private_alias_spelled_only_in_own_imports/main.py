# asyncmod-runtime: compare
from app import asyncio
from app.jobs import *
from app.other import describe

print(asyncio.run(tick()))
print(describe())
