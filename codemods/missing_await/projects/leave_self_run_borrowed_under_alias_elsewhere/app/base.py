class Base:
    async def flush(self):
        print("async flush")

    async def run(self):
        self.flush()  # leave (safe): a module that never names `Base` runs `run` on a duck through an alias
        print("run done")
