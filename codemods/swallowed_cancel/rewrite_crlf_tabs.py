# asyncmod-test: --unsafe-fixes
import asyncio


async def tabbed(job):
	try:
		await job()
	except:  # rewrite: CRLF and tabs survive
		pass
