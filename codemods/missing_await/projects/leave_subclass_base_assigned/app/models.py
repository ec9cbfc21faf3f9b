class Repo:
    async def put(self, record):
        return record


class Store:
    async def put(self, record):
        return record


class Cache:
    async def put(self, record):
        return record
