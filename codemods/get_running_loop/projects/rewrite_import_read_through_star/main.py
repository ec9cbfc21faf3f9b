# asyncmod-runtime: compare
import asyncio

from app.jobs import *

print(get_event_loop is asyncio.get_event_loop)

print(asyncio.run(job()))
