class Base:
    async def flush(self):
        print("async flush")

    async def run(self):
        self.flush()  # leave (safe): another module runs the function of a bound `run` on a duck
        print("run done")
