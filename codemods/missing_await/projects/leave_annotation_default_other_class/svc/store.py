class Store:
    async def save(self, x):
        print('async', x)


class Sync:
    def save(self, x):
        print('sync', x)
