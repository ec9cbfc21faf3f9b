class Connection:
    def execute(self, q):
        print("vendored sync execute", q)


async def connect(dsn=None, **kw):
    return Connection()
