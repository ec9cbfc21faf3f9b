import asyncio

# A name another module derives from: asyncio's CancelledError.
Base = asyncio.CancelledError


class Stopped(asyncio.CancelledError):
    pass
