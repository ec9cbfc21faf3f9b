import builtins
_sm = builtins.staticmethod


def sm(f):
    return lambda *a: print('sync wrapper')


builtins.staticmethod = sm
