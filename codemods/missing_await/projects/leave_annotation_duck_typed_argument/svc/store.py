class Store:
    async def save(self, x):
        print('async', x)
