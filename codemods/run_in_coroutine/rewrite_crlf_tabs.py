import asyncio


async def main(job):
	if job:
		asyncio.run(job())  # rewrite: CRLF and tabs survive
	await asyncio.sleep(0)
