class Base:
    async def flush(self):
        self.flushed = True

    async def run(self):
        self.flush()
        return "done"
