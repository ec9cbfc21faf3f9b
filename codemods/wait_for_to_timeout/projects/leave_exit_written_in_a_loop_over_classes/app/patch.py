from app.conn import Conn
async def tolerant(self, *exc):
    print("tolerant exit")
    return True
for cls in (Conn,):
    cls.__aexit__ = tolerant
