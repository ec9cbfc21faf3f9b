import sys
import svc.store  # noqa


class Sub(sys.modules['svc.store'].Store):
    def save(self, x):
        print('sub sync', x)


def make():
    return Sub()
