import app.conn as c
async def tolerant(self, *exc):
    print("tolerant exit")
    return True
klass = c.Conn
klass.__aexit__ = tolerant
