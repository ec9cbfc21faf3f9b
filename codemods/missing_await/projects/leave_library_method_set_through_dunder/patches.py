import asyncpg


def _sync_execute(self, q):
    print("patched sync execute", q)


type.__setattr__(asyncpg.Connection, "execute", _sync_execute)
