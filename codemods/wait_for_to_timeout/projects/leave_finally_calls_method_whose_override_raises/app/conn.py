class Base:
    def release(self):
        self._check()
class Conn(Base):
    def _check(self):
        raise RuntimeError("pool gone")
