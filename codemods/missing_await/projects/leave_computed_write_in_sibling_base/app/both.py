from app.conn import Conn
from app.mixin import Mixin

class Both(Conn, Mixin):
    pass
