from .base import Base


class Service(Base):
    async def save(self):
        self.saved = True

    async def flush(self):
        self.save()  # rewrite: `abc.ABCMeta` makes classes as `type` does
        print("flushed", self.describe())
