import contextlib
class Conn(contextlib.AsyncContextDecorator):
    async def __aenter__(self):
        return self
    async def __aexit__(self, *exc):
        print('keeping exit')
        return True
