import asyncio


async def tick(callback):
	if callback:
		loop = asyncio.get_event_loop()  # rewrite: CRLF and tabs survive
		loop.call_soon(callback)
	return None
