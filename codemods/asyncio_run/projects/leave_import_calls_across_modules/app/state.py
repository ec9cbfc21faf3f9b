from .helpers import Base, make


def _build():
    return make()


class Box(Base):
    pass


DONE = _build()
BOX = Box()
