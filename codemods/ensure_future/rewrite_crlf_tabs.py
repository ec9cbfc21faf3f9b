# asyncmod-test: --unsafe-fixes
import asyncio

from app.jobs import run


async def start(job):
	if job:
		return asyncio.ensure_future(run(job))  # rewrite: CRLF and tabs survive
	return None
