class Conn:
    def __repr__(self):
        raise RuntimeError("repr of a lost connection")
    __str__ = __repr__
