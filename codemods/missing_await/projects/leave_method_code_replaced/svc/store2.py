class Base:
    async def save(self, x):
        print('base save', x)


class Store(Base):
    pass
