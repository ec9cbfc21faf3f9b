def fake(*a):
    print('fake save', a[-1])

import svc.store
bases = [svc.store.Store]
class Sub(bases[0]):
    def save(self, x):
        print('sub sync', x)
def make():
    return Sub()
