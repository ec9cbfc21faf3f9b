from svc.lazy import LazyStore


class Sub(LazyStore):
    def save(self, x):
        print('sub sync', x)


def make():
    return Sub()
