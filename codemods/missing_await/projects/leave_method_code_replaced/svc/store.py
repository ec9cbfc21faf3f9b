class Store:
    async def save(self, x):
        print('saved', x)


class SyncStore:
    def save(self, x):
        print('sync save', x)
