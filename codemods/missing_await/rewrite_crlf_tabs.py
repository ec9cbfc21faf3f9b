async def ping(peer):
	return peer


async def keepalive(peers):
	for peer in peers:
		ping(peer)  # rewrite: CRLF and tabs survive
