class Base:
    async def flush(self):
        print("async flush")

    async def run(self):
        self.flush()  # leave (safe): another module makes a subclass at run time
        print("run done")
