class Base:
    def __enter__(self):
        return self
    def __exit__(self, et, e, tb):
        self.rollback()
class Tx(Base):
    def rollback(self):
        raise RuntimeError("rollback failed")
