class Conn:
    def close(self):
        raise RuntimeError("close failed")
