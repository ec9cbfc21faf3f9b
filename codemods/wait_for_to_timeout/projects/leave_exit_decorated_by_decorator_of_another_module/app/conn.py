from app.deco import logged
class Conn:
    async def __aenter__(self):
        return self
    @logged
    async def __aexit__(self, *exc):
        print('conn: exit')
