class Base:
    async def flush(self):
        print("async flush")

    async def run(self):
        self.flush()  # leave (safe): another module patches `flush` on an instance with a plain function
        print("run done")
