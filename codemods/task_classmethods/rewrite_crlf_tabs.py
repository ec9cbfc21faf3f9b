import asyncio


async def tabbed():
	if True:
		return asyncio.Task.current_task()  # rewrite: CRLF and tabs survive
