import asyncio
import contextvars

request_id = contextvars.ContextVar("rid", default="-")


async def load():
    request_id.set("inner")
    return "loaded"


async def handler():
    # Runs in a task of its own under nest_asyncio: the variable set
    # inside does not leak back here.
    data = asyncio.run(load())
    print(data, "rid after:", request_id.get())


asyncio.run(handler())
