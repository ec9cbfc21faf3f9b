import sys

from app.svc import Svc


class Tee:
    def __init__(self):
        self.flush = sys.stdout.flush


class Both(Tee, Svc):
    pass
