import asyncio


async def start(job):
	if job:
		return asyncio.ensure_future(job.run())  # rewrite: CRLF and tabs survive
	return None
