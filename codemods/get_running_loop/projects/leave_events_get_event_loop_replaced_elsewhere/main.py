# asyncmod-runtime: compare
# leave (app.py): `tracing.py` replaces `asyncio.events.get_event_loop`, which the
# call through `asyncio.events` reaches: `get_running_loop()` would not
import asyncio

import tracing  # noqa: F401
from app import work

print(asyncio.run(work()))
