def fake(*a):
    print('fake save', a[-1])

import importlib
class Sub(importlib.import_module('svc.store').Store):
    def save(self, x):
        print('sub sync', x)
def make():
    return Sub()
