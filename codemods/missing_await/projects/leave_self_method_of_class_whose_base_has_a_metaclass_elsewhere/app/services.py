from .meta import Base


class Service(Base):
    async def save(self):
        print("async save")

    async def flush(self):
        self.save()  # left: the metaclass of `Base` replaces `save`
        print("flushed")
