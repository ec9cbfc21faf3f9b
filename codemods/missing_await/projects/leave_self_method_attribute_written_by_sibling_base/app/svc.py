class Svc:
    async def flush(self):
        print("async flush")

    async def run(self):
        self.flush()  # leave: `Tee` sets `flush` on instances of `Both`, which are `Svc`s too
        print("run done")
