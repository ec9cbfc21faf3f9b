from app import conn
async def tolerant(self, *exc):
    print("tolerant exit")
    return True
def tolerating(cls):
    cls.__aexit__ = tolerant
    return cls
conn.Conn = tolerating(conn.Conn)
