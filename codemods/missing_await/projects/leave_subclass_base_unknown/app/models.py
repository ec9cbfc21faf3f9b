class Repo:
    async def put(self, record):
        return record
