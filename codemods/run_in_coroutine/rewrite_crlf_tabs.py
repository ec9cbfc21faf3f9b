import asyncio


async def main(job):
	if job:
		asyncio.run(job())  # rewrite: CRLF and tabs survive
	result = asyncio.run(
		job(
			1,  # rewrite: the argument moves back one tab
		)
	)
	await asyncio.sleep(0)
	return result
