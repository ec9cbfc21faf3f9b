import types


class SyncRedis:
    def set(self, k, v):
        print('sync set', k, v)


NS = types.SimpleNamespace(Redis=SyncRedis)


import asyncio
ns = asyncio.__dict__
ns['sleep'] = lambda x: print('fake sleep')
