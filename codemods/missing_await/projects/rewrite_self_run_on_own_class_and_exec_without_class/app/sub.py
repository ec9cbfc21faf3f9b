from app.base import Base


class Sub(Base):
    async def run(self):
        print("sub run")
        await super().run()
