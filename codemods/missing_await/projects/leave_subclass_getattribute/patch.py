def fake(*a):
    print('fake save', a[-1])

from svc.store import Store
class Sub(Store):
    def __getattribute__(self, n):
        return fake if n == 'save' else object.__getattribute__(self, n)
def make():
    return Sub()
