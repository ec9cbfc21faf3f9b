class Repo:
    async def save(self):
        print("async save")

repo = Repo()
