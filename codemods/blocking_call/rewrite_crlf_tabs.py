# asyncmod-test: --unsafe-fixes
import os


async def tabbed(cmd):
	if cmd:
		os.system(cmd)  # rewrite: CRLF and tabs survive
