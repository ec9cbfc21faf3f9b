def fake(*a):
    print('fake save', a[-1])

import svc.store
def b():
    return svc.store.Store
class Sub(b()):
    def save(self, x):
        print('sub sync', x)
def make():
    return Sub()
