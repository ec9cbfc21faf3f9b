from app.base import Base
class Conn(Base[int]):
    async def __aenter__(self):
        return self
