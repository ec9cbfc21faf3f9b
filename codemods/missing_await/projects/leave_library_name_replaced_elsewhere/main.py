# asyncmod-runtime: compare
import asyncio

import app.compat  # noqa: F401
from app.work import handle

asyncio.run(handle())
