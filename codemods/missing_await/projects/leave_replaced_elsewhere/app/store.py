class Base:
    async def put(self, x):
        print("async", x)


async def save(record):
    print("async", record)


repo = Base()
