import asyncio


async def tabbed(a):
	await asyncio.wait([
		a.one(),  # rewrite: CRLF and tabs survive
		a.two(),
	])
