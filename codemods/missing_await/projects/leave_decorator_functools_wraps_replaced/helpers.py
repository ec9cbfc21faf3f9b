import functools


def fake_wraps(fn):
    return lambda f: (lambda *a: print('sync wrapper'))


functools.wraps = fake_wraps
