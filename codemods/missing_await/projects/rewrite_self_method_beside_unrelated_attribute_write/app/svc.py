class Svc:
    async def flush(self):
        self.flushed = True

    async def run(self):
        self.flush()  # rewrite: only an unrelated class's instances get a `flush`
        print("run done")
