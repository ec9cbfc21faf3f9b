class Base:
    async def flush(self):
        print("async flush")

    async def run(self):
        self.flush()  # leave (safe): another module reads `run` off the class by a computed name
        print("run done")
