from .base import Base
class Guard(Base):
    async def __aexit__(self, et, e, tb):
        print("guard: exit with", et.__name__ if et else None)
        return False
