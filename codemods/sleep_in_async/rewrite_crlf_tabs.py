import time


async def tabbed():
	if True:
		time.sleep(1)  # rewrite: CRLF and tabs survive
	return None
