from pkg.c import h

class Job:
    def __await__(self):
        return h().__await__()
