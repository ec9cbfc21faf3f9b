from app import conn
def strict(self):
    raise RuntimeError('release failed')
conn.Conn.release = strict
