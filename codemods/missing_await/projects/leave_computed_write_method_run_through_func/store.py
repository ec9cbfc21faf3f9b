class Store:
    async def save(self, x):
        print("async save", x)

store = Store()
