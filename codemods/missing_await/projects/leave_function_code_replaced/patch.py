def fake(x):
    print('fake save', x)

import svc.store
svc.store.save.__code__ = fake.__code__
