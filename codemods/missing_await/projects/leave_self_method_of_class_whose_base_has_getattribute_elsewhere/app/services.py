from .base import Base


class Service(Base):
    async def save(self):
        print("async save")

    async def flush(self):
        self.save()  # left: `Base.__getattribute__` answers for `save`
        print("flushed")
