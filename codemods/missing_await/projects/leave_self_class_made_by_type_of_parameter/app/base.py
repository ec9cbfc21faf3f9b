class Base:
    async def flush(self):
        print("async flush")

    async def run(self):
        self.flush()  # leave (safe): a factory makes a subclass with `type` from a base it is given
        print("run done")
