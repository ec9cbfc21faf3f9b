import abc


class Store(abc.ABC):
    async def save(self, x):
        print('default async save', x)


class MemoryStore:
    def save(self, x):
        print('memory sync save', x)


Store.register(MemoryStore)
