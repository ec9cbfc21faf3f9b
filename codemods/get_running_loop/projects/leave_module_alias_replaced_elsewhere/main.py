# asyncmod-runtime: compare
import asyncio

import app.patcher  # noqa: F401
from app.work import job

asyncio.run(job())
