import asyncio


@asyncio.coroutine
def fetch(reader):  # rewrite, safe: every operand is a known coroutine
    yield from asyncio.sleep(0.1)
    line = yield from asyncio.wait_for(read_line(reader), 5)
    return line


@asyncio.coroutine
def read_line(reader):  # rewrite, safe: an asyncio function
    return (yield from asyncio.shield(reader.readline()))


async def main(reader):
    return await fetch(reader)
