import contextlib
class Tx(contextlib.AsyncContextDecorator):
    async def __aenter__(self):
        return self
    async def __aexit__(self, *exc):
        print('keeping exit')
        return True
class Db:
    def transaction(self):
        return Tx()
db = Db()
