# asyncmod-test: --unsafe-fixes
import asyncio

from app import one, two


async def tabbed(a):
	await asyncio.wait([
		one(a),  # rewrite: CRLF and tabs survive
		two(a),
	])
