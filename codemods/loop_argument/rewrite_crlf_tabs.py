import asyncio


async def tabbed(loop):
	if loop:
		await asyncio.sleep(  # rewrite: CRLF and tabs survive
			1,
			loop=loop,  # this line goes
		)
	return asyncio.Event(loop=loop)  # rewrite
