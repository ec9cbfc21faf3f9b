class Plain:
    pass
class Conn(Plain):
    async def __aenter__(self):
        return self
