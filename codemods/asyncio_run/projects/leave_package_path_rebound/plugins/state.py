import asyncio

loop = asyncio.get_event_loop()
READY = loop.create_future()
loop.call_soon(READY.set_result, "ready from plugins")
