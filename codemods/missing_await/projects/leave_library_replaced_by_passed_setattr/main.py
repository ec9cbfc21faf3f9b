# asyncmod-runtime: compare
import asyncio

import app.patcher  # noqa: F401
from app.h import handle

asyncio.run(handle())
