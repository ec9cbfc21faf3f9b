def fake(*a):
    print('fake save', a[-1])

from svc.store import Store
class Sub(Store):
    locals()['save'] = fake
def make():
    return Sub()
