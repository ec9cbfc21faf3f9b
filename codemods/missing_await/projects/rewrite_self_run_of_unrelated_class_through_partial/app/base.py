class Base:
    async def flush(self):
        self.flushed = True

    async def run(self):
        self.flush()  # rewrite: only an unrelated class's `run` is taken off its class
        print("run done")
