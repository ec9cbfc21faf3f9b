# asyncmod-test: --unsafe-fixes
import asyncio


async def tabbed(job):
	if job:
		asyncio.create_task(job())  # rewrite: CRLF and tabs survive
