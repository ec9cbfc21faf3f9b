def fake(*a):
    print('fake save', a[-1])

from svc.store import Store
Store.save.__code__ = fake.__code__
