# asyncmod-test: --unsafe-fixes
import asyncio

reader = None


async def read_frame():
    return await reader.readexactly(4)


async def handshake():
    # leave: both calls read the next frame of one module-level stream
    hello = await read_frame()
    ack = await read_frame()
    return hello, ack


async def two_lines(stream):
    # leave: the same call on the same arguments, in order
    first = await next_line(stream, 1024)
    second = await next_line(stream, 1024)
    return first, second


async def next_line(stream, limit):
    return (await stream.readline())[:limit]
