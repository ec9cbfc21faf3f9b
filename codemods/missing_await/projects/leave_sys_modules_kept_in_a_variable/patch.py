import os as _os
import types


def fake(*a, **k):
    print('fake', a)


class SyncRedis:
    def __init__(self, *a, **k):
        pass

    def set(self, k, v):
        print('sync set', k, v)


import sys
mods = sys.modules
mods['redis.asyncio'] = types.SimpleNamespace(Redis=SyncRedis)
