# asyncmod-test: --unsafe-fixes
import asyncio


async def run(loop, job):
	if job:
		return await loop.run_in_executor(None, job)  # rewrite: CRLF and tabs survive
	return None
