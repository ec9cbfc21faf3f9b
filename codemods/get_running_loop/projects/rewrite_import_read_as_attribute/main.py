# asyncmod-runtime: compare
import asyncio

import app.jobs
from app.jobs import job

print(app.jobs.get_event_loop is asyncio.get_event_loop)

print(asyncio.run(job()))
