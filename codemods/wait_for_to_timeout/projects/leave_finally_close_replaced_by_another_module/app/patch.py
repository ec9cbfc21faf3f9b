from app import conn
def strict_close(self):
    raise RuntimeError('already closed')
conn.Conn.close = strict_close
