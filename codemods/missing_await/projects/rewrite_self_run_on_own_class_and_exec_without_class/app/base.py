class Base:
    async def flush(self):
        self.flushed = True

    async def run(self):
        self.flush()  # rewrite: other modules run `run` on instances of its class alone
        print("run done")
