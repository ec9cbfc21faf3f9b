import asyncio
import contextvars

import nest_asyncio

# nest_asyncio lets `asyncio.run` run inside a running loop: the call works,
# in a task of its own; `await load()` would set the caller's context.
nest_asyncio.apply()
request_id = contextvars.ContextVar("rid", default="-")


async def load():
    request_id.set("inner")
    return "loaded"


async def handler():
    data = asyncio.run(load())
    print(data, "rid after:", request_id.get())
