class Conn:
    def __bool__(self):
        raise RuntimeError("state of a lost connection")
