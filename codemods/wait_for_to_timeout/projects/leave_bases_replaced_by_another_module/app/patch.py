from app import conn
class Keeper:
    async def __aexit__(self, *exc):
        print('keeper exit')
        return True
conn.Conn.__bases__ = (Keeper,)
