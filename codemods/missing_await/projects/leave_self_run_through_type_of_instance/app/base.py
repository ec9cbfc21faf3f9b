class Base:
    async def flush(self):
        print("async flush")

    async def run(self):
        self.flush()  # leave (safe): another module runs `type(svc).run` on a duck
        print("run done")
