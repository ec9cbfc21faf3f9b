import asyncpg


class SyncConn:
    def execute(self, q):
        print("sync execute", q)


async def _connect(dsn, **kw):
    return SyncConn()


vars(asyncpg)["connect"] = _connect
