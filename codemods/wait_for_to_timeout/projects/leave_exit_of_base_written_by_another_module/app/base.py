class Base:
    async def __aexit__(self, *exc):
        print('base exit')
