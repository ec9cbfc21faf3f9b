import asyncio


async def one(a):
	return a


async def two(a):
	return a


async def tabbed(a):
	await asyncio.wait([
		one(a),  # rewrite: CRLF and tabs survive
		two(a),
	])
