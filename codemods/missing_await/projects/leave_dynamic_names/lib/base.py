class Base:
    async def run(self):
        return 1


class Child(Base):
    def run(self):
        return None
