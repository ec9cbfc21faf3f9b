class Base:
    async def flush(self):
        print("async flush")

    async def run(self):
        self.flush()  # leave (safe): another module runs `run` on an object of another class
        print("run done")
