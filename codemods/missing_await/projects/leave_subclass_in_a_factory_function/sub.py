from base import Base


def make(base=Base):
    class D(base):
        def flush(self):
            print("sync flush")
    return D
