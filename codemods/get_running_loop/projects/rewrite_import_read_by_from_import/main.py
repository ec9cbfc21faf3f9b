# asyncmod-runtime: compare
import asyncio

from app.jobs import get_event_loop, job

print(get_event_loop is asyncio.get_event_loop)

print(asyncio.run(job()))
