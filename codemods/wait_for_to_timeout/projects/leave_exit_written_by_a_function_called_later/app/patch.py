from app.conn import Conn
async def tolerant(self, *exc):
    print("tolerant exit")
    return True
def install():
    Conn.__aexit__ = tolerant
