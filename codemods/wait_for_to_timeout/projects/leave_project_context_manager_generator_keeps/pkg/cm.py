import contextlib, asyncio

@contextlib.asynccontextmanager
async def guard():
    try:
        yield
    except asyncio.CancelledError:
        print("guard swallowed")
