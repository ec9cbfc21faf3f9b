from pkg.base import Base

class Worker(Base):
    async def run(self):
        return await super().run()
