from svc.store import Store


class SyncMixin:
    def save(self, x):
        print('mixin sync', x)


class Sub(SyncMixin, Store):
    pass


def make():
    return Sub()
