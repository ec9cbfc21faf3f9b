# asyncmod-runtime: compare
# rewrite (app.py, safe): `tracing.py` replaces `asyncio.events.get_event_loop`,
# which `asyncio.get_event_loop` (bound at import) does not reach
import asyncio

import tracing  # noqa: F401
from app import work

print(asyncio.run(work()))
