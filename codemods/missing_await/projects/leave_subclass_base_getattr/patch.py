def fake(*a):
    print('fake save', a[-1])

import svc.store
class Sub(getattr(svc.store, 'Store')):
    def save(self, x):
        print('sub sync', x)
def make():
    return Sub()
