from app.legacy import conn
def _keep(self, *exc):
    return None
conn.Conn.__exit__ = _keep
