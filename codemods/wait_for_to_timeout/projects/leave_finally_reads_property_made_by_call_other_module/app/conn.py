class Conn:
    def _get_closed(self):
        raise RuntimeError("connection state lost")
    closed = property(_get_closed)
