class Conn:
    async def flush(self):
        self.flushed = True

    async def work(self):
        self.flush()
        return "worked"
