import sys


class Tee:
    def __init__(self, stream):
        self.stream = stream
        self.flush = stream.flush


t = Tee(sys.stdout)
t.flush()
