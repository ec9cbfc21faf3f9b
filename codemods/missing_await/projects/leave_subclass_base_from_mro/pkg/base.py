class Base:
    async def flush(self):
        print("async flush")

    async def handle(self):
        self.flush()
        print("handled")
