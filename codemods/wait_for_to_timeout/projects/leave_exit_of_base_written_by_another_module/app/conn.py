from app.base import Base
class Conn(Base):
    async def __aenter__(self):
        return self
