from svc.store import Store

BASES = (Store,)
Sub = type('Sub', BASES, {'save': lambda self, x: print('sub sync', x)})


def make():
    return Sub()
