class SyncConn:
    def execute(self, q):
        print("sync execute", q)
async def connect(dsn):
    return SyncConn()
