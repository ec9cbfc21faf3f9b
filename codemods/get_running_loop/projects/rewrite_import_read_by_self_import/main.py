# asyncmod-runtime: compare
import asyncio

from app.jobs import hook, job

print(hook() is asyncio.get_event_loop)
print(asyncio.run(job()))
