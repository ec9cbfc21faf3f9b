# asyncmod-runtime: compare
import asyncio
import doctest

import app.jobs
from app.jobs import job

print("failed examples:", doctest.testmod(app.jobs).failed)
print(asyncio.run(job()))
