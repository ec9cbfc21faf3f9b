from svc.store import Store
from svc.mixin import SyncMixin


class Sub(SyncMixin, Store):
    pass


def make():
    return Sub()
