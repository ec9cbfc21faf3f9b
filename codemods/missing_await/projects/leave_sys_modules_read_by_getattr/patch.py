import types


class SyncRedis:
    def set(self, k, v):
        print('sync set', k, v)


NS = types.SimpleNamespace(Redis=SyncRedis)


import sys
getattr(sys, 'modules')['redis.asyncio'] = NS
