from app import conn
def tolerant(self, *exc):
    print('tolerant exit')
    return True
conn.Conn.__exit__ = tolerant
