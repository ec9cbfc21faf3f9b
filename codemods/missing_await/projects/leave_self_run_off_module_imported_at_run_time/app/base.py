class Base:
    async def flush(self):
        print("async flush")

    async def run(self):
        self.flush()  # leave (safe): another module runs `run` of a class of a module imported at run time
        print("run done")
