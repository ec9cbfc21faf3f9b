# asyncmod-runtime: compare
import asyncio

import app.jobs
from app.jobs import job

print(sorted(k for k in app.jobs.__dict__ if not k.startswith("_")))

print(asyncio.run(job()))
