class Base:
    async def flush(self):
        print("async flush")

    async def run(self):
        self.flush()  # rewrite: every module runs `run` on instances
        print("run done")
