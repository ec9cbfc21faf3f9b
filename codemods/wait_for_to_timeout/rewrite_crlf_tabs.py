import asyncio


async def handshake(reader, writer):
	writer.write(b"HELLO\n")
	await asyncio.wait_for(
		writer.drain(),  # rewrite: CRLF and tabs
		5,
	)
	return await asyncio.wait_for(reader.readline(), 5)  # rewrite
