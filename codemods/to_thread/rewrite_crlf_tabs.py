# asyncmod-test: --unsafe-fixes
import asyncio


async def run(job):
	loop = asyncio.get_running_loop()  # goes with the call
	if job:
		return await loop.run_in_executor(None, job)  # rewrite: CRLF and tabs survive
	return None
