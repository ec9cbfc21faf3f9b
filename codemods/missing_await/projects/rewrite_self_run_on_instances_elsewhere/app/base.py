class Base:
    async def flush(self):
        self.flushed = True

    async def run(self):
        self.flush()  # rewrite: every module runs `run` on instances
        print("run done")
