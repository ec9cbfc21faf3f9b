import importlib

from test.support import import_helper


def hot(module):
    return importlib.reload(module)


def forget_all(names):
    for name in names:
        import_helper.forget(name)
