class Conn:
    async def flush(self):
        self.flushed = True

    async def work(self):
        self.flush()
        return "worked"


async def run():
    return await Conn().work()
