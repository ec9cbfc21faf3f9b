from svc.store import *  # noqa


class Sub(Store):  # noqa
    def save(self, x):
        print('sub sync', x)


def make():
    return Sub()
