import time


class Base:
    def load(self):
        time.sleep(1)


class Fast(Base):
    def load(self):
        return 1


class Lazy:
    def load(self):
        return self.read()

    def read(self):
        return 0


def replace_later():
    return 1
