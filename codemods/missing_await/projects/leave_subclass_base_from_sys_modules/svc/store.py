class Store:
    async def save(self, x):
        print('saved', x)
