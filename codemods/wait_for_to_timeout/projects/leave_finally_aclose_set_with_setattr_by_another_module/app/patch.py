from app.conn import Conn
async def strict_close(self):
    raise RuntimeError('already closed')
setattr(Conn, 'aclose', strict_close)
