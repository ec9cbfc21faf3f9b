import asyncio


class Ask:
    def __init__(self, what):
        self.what = what

    def __await__(self):
        yield self.what


async def job():
    await Ask("data")
    asyncio.sleep(0)
    return "done"
