class Store:
    @staticmethod
    async def save(x):
        print('saved', x)

    async def run(self):
        self.save(1)
        print('done')
