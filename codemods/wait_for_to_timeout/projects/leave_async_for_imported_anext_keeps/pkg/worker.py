from pkg.stream import Ticker

async def work():
    n = 0
    async for x in Ticker():
        n += x
    return n
