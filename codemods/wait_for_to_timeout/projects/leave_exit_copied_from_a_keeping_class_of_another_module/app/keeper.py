class Keeper:
    async def __aexit__(self, *exc):
        print('keeper exit')
        return True
