from app import conn
async def tolerant(self, *exc):
    print("tolerant exit")
    return True
print('exit is', conn.Conn.__aexit__.__name__)
