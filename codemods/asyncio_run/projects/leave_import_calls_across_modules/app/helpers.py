from app import futures


def make():
    return futures.future()


class Base:
    def __init__(self):
        self.fut = futures.future()
