# asyncmod-test: --unsafe-fixes
import asyncio


async def ping_all(hosts):
	if hosts:
		tasks = [asyncio.create_task(ping(h)) for h in hosts]  # rewrite: CRLF and tabs survive
		replies = await asyncio.gather(*tasks)
		return replies


async def ping(host):
	return host
