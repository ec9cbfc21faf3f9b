import contextlib
class Tx(contextlib.AsyncContextDecorator):
    async def __aenter__(self):
        return self
    async def __aexit__(self, *exc):
        print('tx exit')
class Db:
    def transaction(self):
        return Tx()
db = Db()
