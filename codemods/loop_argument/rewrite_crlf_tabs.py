import asyncio


async def tabbed(loop):
	if loop:
		await asyncio.sleep(  # rewrite: CRLF and tabs survive
			1,
			loop=loop,  # the argument goes, this comment stays
		)
	return asyncio.Event(loop=loop)  # rewrite
