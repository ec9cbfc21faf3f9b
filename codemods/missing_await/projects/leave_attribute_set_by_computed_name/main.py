# asyncmod-runtime: compare
import asyncio

import app.compat  # noqa: F401
from app.handlers import handle

asyncio.run(handle(1))
