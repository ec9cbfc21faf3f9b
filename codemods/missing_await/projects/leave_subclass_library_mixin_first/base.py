class Base:
    async def get(self):
        print("async get")

    async def run(self):
        self.get()
        print("done")
