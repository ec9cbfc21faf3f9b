import contextlib
@contextlib.asynccontextmanager
async def session():
    print('session in')
    yield
    print('session out')
