import os as _os
import types


def fake(*a, **k):
    print('fake', a)


class SyncRedis:
    def __init__(self, *a, **k):
        pass

    def set(self, k, v):
        print('sync set', k, v)


import sys, importlib.machinery
class F:
    @staticmethod
    def find_spec(name, path=None, target=None):
        if name.startswith('redis'):
            return importlib.machinery.PathFinder.find_spec(name, ['vendor'] if name == 'redis' else path)
sys.meta_path.insert(0, F)
