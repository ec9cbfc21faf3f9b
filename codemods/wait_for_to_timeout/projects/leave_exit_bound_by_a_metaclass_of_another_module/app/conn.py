from app.meta import Managed
class Conn(metaclass=Managed):
    async def __aenter__(self):
        return self
